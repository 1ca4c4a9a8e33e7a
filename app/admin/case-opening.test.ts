import { describe, expect, it } from "vitest";
import { openingMessage } from "./case-opening";

const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 10, 0, s));
const signal = { signals: [{ reason: "order_state", score: 0.9, evidence: "not received" }], reasons: ["order_state"] };

describe("the message that opened a case", () => {
  it("is the shopper's signalled message, not their hello before it or the email address they gave after it", () => {
    const lines = [
      { text: "sarah@example.com", createdAt: at(40), meta: null },
      { text: "It says delivered but I never received it", createdAt: at(20), meta: signal },
      { text: "Hi, where is order #1042?", createdAt: at(0), meta: null },
    ];
    expect(openingMessage(lines, at(40))).toBe("It says delivered but I never received it");
  });
  it("skips the reply that only gave an address, even when the case's signals were stamped on it", () => {
    const lines = [
      { text: "sarah@example.com", createdAt: at(40), meta: signal },
      { text: "Mi pedido #1042 llegó dañado, la manta está rota", createdAt: at(20), meta: signal },
    ];
    expect(openingMessage(lines, at(40))).toBe("Mi pedido #1042 llegó dañado, la manta está rota");
    const withWords = [{ ...lines[0], text: "my email is sarah@example.com, thanks" }, lines[1]];
    expect(openingMessage(withWords, at(40))).toBe("Mi pedido #1042 llegó dañado, la manta está rota");
    const complaintWithAddress = [{ text: "Still nothing for #1042, the tracking is dead. Write to sarah@example.com", createdAt: at(40), meta: signal }];
    expect(openingMessage(complaintWithAddress, at(40))).toBe("Still nothing for #1042, the tracking is dead. Write to sarah@example.com");
  });
  it("skips a press of the person button and what the shopper wrote after the case", () => {
    const lines = [
      { text: "Any news? It is still not here", createdAt: at(90), meta: signal },
      { text: "[Pressed “Talk to a person”]", createdAt: at(30), meta: { pressed: true, ...signal } },
      { text: "The mug arrived broken", createdAt: at(10), meta: signal },
      { text: "hello", createdAt: at(0), meta: null },
    ];
    expect(openingMessage(lines, at(30))).toBe("The mug arrived broken");
  });
  it("falls back to the shopper's first words when no message carries a signal (older cases)", () => {
    expect(
      openingMessage(
        [
          { text: "second", createdAt: at(5), meta: null },
          { text: "first", createdAt: at(1), meta: null },
        ],
        at(10),
      ),
    ).toBe("first");
    expect(openingMessage([], at(10))).toBeUndefined();
  });
});
