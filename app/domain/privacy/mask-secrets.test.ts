import { describe, expect, it } from "vitest";
import { CARD_MASK, CODE_MASK, luhnValid, maskSecrets } from "./mask-secrets";

describe("maskSecrets", () => {
  it.each([
    ["4242424242424242", `${CARD_MASK} 4242`],
    ["my card is 4111 1111 1111 1111 thanks", `my card is ${CARD_MASK} 1111 thanks`],
    ["Amex 3782-822463-10005.", `Amex ${CARD_MASK} 0005.`],
    ["5555-5555-5555-4444 exp 12/29", `${CARD_MASK} 4444 exp 12/29`],
  ])("masks the card number in %j", (input, masked) => {
    expect(maskSecrets(input)).toBe(masked);
  });

  it.each([
    ["CVV 123", `CVV ${CODE_MASK}`],
    ["card 4242424242424242, cvc: 9876", `card ${CARD_MASK} 4242, cvc: ${CODE_MASK}`],
    ["el código de seguridad es 321", `el código de seguridad es ${CODE_MASK}`],
    ["cryptogramme 456", `cryptogramme ${CODE_MASK}`],
    ["Die Prüfnummer lautet 789", `Die Prüfnummer lautet ${CODE_MASK}`],
  ])("masks the security code in %j", (input, masked) => {
    expect(maskSecrets(input)).toBe(masked);
  });

  it.each([
    // Japanese and Chinese input methods type full-width digits; the rest of the text keeps its form.
    ["カード番号は４２４２ ４２４２ ４２４２ ４２４２です", `カード番号は${CARD_MASK} 4242です`],
    ["card ４１１１－１１１１－１１１１－１１１１, order #１０４２", `card ${CARD_MASK} 1111, order #１０４２`],
    ["il codice di sicurezza è 321", `il codice di sicurezza è ${CODE_MASK}`],
    ["o código de segurança é 654", `o código de segurança é ${CODE_MASK}`],
    ["セキュリティコードは１２３です", `セキュリティコードは${CODE_MASK}です`],
    ["CVV：９８７", `CVV：${CODE_MASK}`],
  ])("masks secrets typed in other scripts and languages: %j", (input, masked) => {
    expect(maskSecrets(input)).toBe(masked);
  });

  it.each([
    "Where is order #1042?",
    "Tracking 9400111899223847563 says delivered",
    "4242424242424241 is not a card (Luhn)",
    "Call me at +1 555-010-0123",
    "I ordered 123 mugs",
    "my zip is 90210 and the order total was 1234",
    "注文番号は＃１０４２です",
  ])("leaves %j alone", (input) => {
    expect(maskSecrets(input)).toBe(input);
  });

  it("checks Luhn only on 13–19 digits", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("424242424242")).toBe(false);
  });

  it("stays linear on a long run of digits", () => {
    const started = performance.now();
    maskSecrets("4 ".repeat(5000) + "4".repeat(5000));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
