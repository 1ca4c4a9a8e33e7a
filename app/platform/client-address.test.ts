import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address.server";

describe("clientAddress", () => {
  it.each([
    ["198.51.100.9", 1, "198.51.100.9"],
    ["6.6.6.6, 198.51.100.9", 1, "198.51.100.9"],
    ["6.6.6.6, 198.51.100.9, 10.0.0.1", 2, "198.51.100.9"],
    ["198.51.100.9", 2, null],
    [null, 1, null],
    ["garbage", 1, null],
    ["6.6.6.6, unknown", 1, null],
  ] as const)("%s with %i trusted hops → %s", (header, hops, expected) => {
    expect(clientAddress(header, hops)).toBe(expected);
  });
});

describe("addressKey", () => {
  it.each([
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:0102:0304", "1.2.3.4"],
    ["1.2.3.4:8080", "1.2.3.4"],
    ["2001:0DB8:0000:0001:abcd::1", "2001:db8:0:1::/64"],
    ["[2001:db8::1]:443", "2001:db8::/64"],
    ["fe80::1%eth0", "fe80::/64"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["999.1.1.1", null],
    ["1::2::3", null],
    ["", null],
  ] as const)("%s → %s", (raw, expected) => {
    expect(addressKey(raw)).toBe(expected);
  });
});
