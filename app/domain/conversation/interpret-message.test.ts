import { describe, expect, it } from "vitest";
import { interpretMessage, isValidEmail } from "./interpret-message";

describe("interpretMessage", () => {
  it.each([
    ["Where is my order #1042?", "#1042"],
    ["order 1042", "#1042"],
    ["1042", "#1042"],
    ["#1042", "#1042"],
    ["my order number is 1042 and it never came", "#1042"],
    ["Bestellung 1042 ist nicht angekommen", "#1042"],
    ["I ordered 2 mugs", null],
    ["call me at 5550100", null],
  ])("finds the order in %j", (text, order) => {
    expect(interpretMessage(text).orderName).toBe(order);
  });

  it.each([
    ["sarah@example.com", "sarah@example.com", false],
    ["It's Sarah@Example.com.", "sarah@example.com", false],
    ["sarah@", null, true],
    ["sarah at example dot com", null, true],
    ["not-an-email", null, false],
    ["sarah@example", null, true],
  ])("reads the email in %j", (text, email, attempt) => {
    const i = interpretMessage(text);
    expect(i.email).toBe(email);
    expect(i.invalidEmailAttempt).toBe(attempt);
  });

  it("does not read the digits of an email as an order", () => {
    expect(interpretMessage("sarah1042@example.com").orderName).toBeNull();
  });

  it.each(["no thanks", "No", "never mind", "I'd rather not", "nein danke", "no thank you!"])("declines: %j", (t) => {
    expect(interpretMessage(t).declines).toBe(true);
  });

  it.each(["no, it never arrived", "I need a refund"])("does not decline: %j", (t) => {
    expect(interpretMessage(t).declines).toBe(false);
  });

  it.each([
    ["What is your return policy?", "refund"],
    ["Do you ship to Canada?", "shipping"],
    ["hello", null],
  ])("policy topic of %j", (t, topic) => {
    expect(interpretMessage(t).policyTopic).toBe(topic);
  });

  it("greets and thanks", () => {
    expect(interpretMessage("Hi there!").greeting).toBe(true);
    expect(interpretMessage("thanks so much").thanks).toBe(true);
  });
});

describe("isValidEmail", () => {
  it.each([
    ["a@b.co", true],
    ["a@b", false],
    ["a\r\nBcc: x@y.z@b.co", false],
    [`${"a".repeat(65)}@b.co`, false],
  ])("%j → %s", (v, ok) => expect(isValidEmail(v)).toBe(ok));
});
