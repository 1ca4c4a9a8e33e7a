import { describe, expect, it } from "vitest";
import { appBridgeApiKey } from "./app-bridge";

describe("appBridgeApiKey", () => {
  it("takes the key from the embedded layout's data, and none in the demo or outside /app", () => {
    expect(appBridgeApiKey([{ data: null }, { data: { appBridgeApiKey: "key-1" } }, { data: { cases: [] } }])).toBe("key-1");
    expect(appBridgeApiKey([{ data: null }, { data: { appBridgeApiKey: null } }])).toBeNull();
    expect(appBridgeApiKey([{ data: undefined }])).toBeNull();
  });
});
