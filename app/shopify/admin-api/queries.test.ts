import { describe, expect, it } from "vitest";
import { loadAdminSchema, parseAndValidate } from "../../../tests/servers/shopify-admin-schema";
import { ALL_ADMIN_QUERIES } from "./queries";

// Every Admin document the app sends must validate against the real 2026-07 schema.
describe("Admin GraphQL documents", () => {
  const schema = loadAdminSchema();
  it.each(Object.entries(ALL_ADMIN_QUERIES))("%s validates against the 2026-07 schema", (_name, query) => {
    const outcome = parseAndValidate(schema, query);
    expect("errors" in outcome ? outcome.errors : []).toEqual([]);
  });
});
