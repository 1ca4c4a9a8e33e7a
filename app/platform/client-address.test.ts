import { describe, expect, it } from "vitest";
import { addressKey, capAddressKey, clientAddress } from "./client-address.server";

describe("clientAddress", () => {
  it.each([
    ["198.51.100.9", 1, "198.51.100.9"],
    ["6.6.6.6, 198.51.100.9", 1, "198.51.100.9"],
    ["6.6.6.6, 198.51.100.9, 10.0.0.1", 2, "198.51.100.9"],
    ["198.51.100.9", 2, null],
    [null, 1, null],
    ["garbage", 1, null],
    ["6.6.6.6, unknown", 1, null],
    ["198.51.100.9,", 1, null],
  ] as const)("%s with %i trusted hops → %s", (header, hops, expected) => {
    expect(clientAddress(header, hops)).toBe(expected);
  });

  it("reads the trusted hops of a header padded past 2,048 characters on the client's side", () => {
    expect(clientAddress(`${"6.6.6.6, ".repeat(400)}198.51.100.9`, 1)).toBe("198.51.100.9");
    expect(clientAddress(`${"x".repeat(5000)}, 198.51.100.9, 10.0.0.1`, 2)).toBe("198.51.100.9");
    // An overlong trusted entry is not an address literal.
    expect(clientAddress("1".repeat(3000), 1)).toBeNull();
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

describe("capAddressKey", () => {
  it.each([
    ["2001:db8:aa:1::/64", "2001:db8:aa::/56"],
    ["2001:db8:aa:ff::/64", "2001:db8:aa::/56"],
    ["2001:db8:aa:1ff::/64", "2001:db8:aa:100::/56"],
    ["198.51.100.9", "198.51.100.9"],
    [null, null],
  ] as const)("%s → %s", (key, expected) => {
    expect(capAddressKey(key)).toBe(expected);
  });

  it("three /64s of one /56 are one client for the caps", () => {
    const keys = ["2001:db8:aa:1::1", "2001:db8:aa:2::1", "2001:db8:aa:fe::1"].map((a) => capAddressKey(addressKey(a)));
    expect(new Set(keys).size).toBe(1);
  });
});
