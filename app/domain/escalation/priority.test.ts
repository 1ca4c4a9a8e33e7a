import { describe, expect, it } from "vitest";
import { derivePriority } from "./priority";
import type { Priority } from "./types";

describe("derivePriority", () => {
  it.each<[string, boolean, Priority[], boolean, number, Priority]>([
    ["no escalation", false, ["urgent"], true, 3, "low"],
    ["plain", true, ["normal"], false, 1, "normal"],
    ["highest severity wins", true, ["normal", "high"], false, 2, "high"],
    ["VIP raises one step", true, ["normal"], true, 1, "high"],
    ["pile-up raises one step", true, ["normal", "normal", "normal"], false, 3, "high"],
    ["capped at urgent", true, ["urgent"], true, 4, "urgent"],
  ])("%s", (_, escalate, severities, vip, reasonCount, expected) => {
    expect(derivePriority({ escalate, severities, vip, reasonCount })).toBe(expected);
  });
});
