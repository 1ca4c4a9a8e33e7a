import { readFileSync } from "node:fs";
import { getNamedType, isObjectType, parse, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_ADMIN_QUERIES } from "~/shopify/admin-api/queries";
import { ACTIVE_SUBSCRIPTIONS_QUERY } from "~/shopify/billing-sync.server";
import { appScopes, FIELD_ACCESS, parseScopes } from "./shopify-access-scopes";
import { loadAdminSchema } from "./shopify-admin-schema";

const APP_QUERIES = { ...ALL_ADMIN_QUERIES, ACTIVE_SUBSCRIPTIONS_QUERY };
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

/** "Type.field" for every field a document selects. */
function fieldsOf(query: string): string[] {
  const schema = loadAdminSchema();
  const typeInfo = new TypeInfo(schema);
  const fields: string[] = [];
  visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && isObjectType(getNamedType(parent)) && !node.name.value.startsWith("__")) fields.push(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return fields;
}

describe("access scopes", () => {
  // Building the 3.7 MB schema is setup, not the first case's work (it can take seconds on a busy machine).
  beforeAll(() => void loadAdminSchema(), 60_000);
  it.each(Object.entries(APP_QUERIES))("every field %s reads has a classified access requirement", (_name, query) => {
    const unclassified = fieldsOf(query).filter((field) => !(field in FIELD_ACCESS));
    expect(unclassified).toEqual([]);
  });

  it("requests exactly the scopes the app's queries need, plus write_app_proxy for the storefront chat", () => {
    const needed = new Set(["write_app_proxy"]);
    for (const query of Object.values(APP_QUERIES))
      for (const field of fieldsOf(query)) for (const scope of FIELD_ACCESS[field].scopes ?? []) needed.add(scope);
    expect([...appScopes()].sort()).toEqual([...needed].sort());
  });

  it("keeps shopify.app.toml, the SCOPES default and .env.example in step", () => {
    const envDefault = /const DEFAULT_SCOPES = "([^"]*)"/.exec(read("app/env.server.ts"))?.[1] ?? "";
    const example = /^SCOPES=(.*)$/m.exec(read(".env.example"))?.[1] ?? "";
    const readme = /^\| `SCOPES` \| `([^`]*)` \|/m.exec(read("README.md"))?.[1] ?? "";
    for (const list of [envDefault, example, readme]) expect(parseScopes(list)).toEqual(appScopes());
  });
});
