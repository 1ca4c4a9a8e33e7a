import { describe, expect, it } from "vitest";
import { interpretMessage, isValidEmail, withoutEmails } from "./interpret-message";

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

describe("interpretMessage — orders as shoppers ask", () => {
  it.each([
    "track my order",
    "Where's my package?",
    "wheres my oder",
    "were is my order",
    "has my order shipped yet?",
    "any update on my order",
    "when will I get my stuff",
    "my parcel still hasn't arrived",
    "order status",
    "¿Dónde está mi pedido?",
    "quiero rastrear mi paquete",
    "Où est ma commande ?",
    "je voudrais suivre mon colis",
    "Wo ist meine Bestellung?",
    "Sendungsverfolgung bitte",
    "wann kommt mein Paket",
  ])("asks about an order: %j", (t) => {
    expect(interpretMessage(t).asksOrderStatus).toBe(true);
  });

  it.each(["Do you ship to Canada?", "How long does shipping take?", "hello", "what is your return policy", "is this a bot?"])(
    "not an order-status question: %j",
    (t) => {
      expect(interpretMessage(t).asksOrderStatus).toBe(false);
    },
  );

  it.each([
    ["pedido 1042", "#1042"],
    ["commande n° 1044", "#1044"],
    ["meine Bestellung 1043", "#1043"],
    ["oder #1046", "#1046"],
    ["(#1045)", "#1045"],
  ])("finds the order in %j", (t, order) => {
    expect(interpretMessage(t).orderName).toBe(order);
  });
});

describe("interpretMessage — offers, store questions and requests", () => {
  it.each(["yes", "Yes please", "sure", "ok", "sí", "oui", "ja, bitte", "please do"])("accepts: %j", (t) => {
    expect(interpretMessage(t).affirms).toBe(true);
  });
  it.each(["yes but where is my order", "no", "what?"])("does not accept: %j", (t) => {
    expect(interpretMessage(t).affirms).toBe(false);
  });
  it.each([
    "How can I contact you?",
    "what's your phone number",
    "¿Cómo puedo contactar con vosotros?",
    "comment vous joindre",
    "Wie kann ich euch erreichen?",
  ])("contact question: %j", (t) => {
    expect(interpretMessage(t).policyTopic).toBe("contact");
  });
  it.each(["Do you have the beanie in stock?", "what size should I get", "what is it made of"])("product question: %j", (t) => {
    expect(interpretMessage(t).productQuestion).toBe(true);
  });
  it.each([
    ["I need to change the shipping address on my order", "address"],
    ["wrong address on order 1043", "address"],
    ["please cancel my order", "cancel"],
    ["quiero cancelar mi pedido", "cancel"],
    ["where is my order", null],
  ])("change request in %j", (t, kind) => {
    expect(interpretMessage(t).changeRequest).toBe(kind);
  });
  it("takes email addresses out of what the shopper says", () => {
    expect(withoutEmails("my email is hate.mail@example.com thanks")).toBe("my email is thanks");
    expect(withoutEmails("sarah@example.com")).toBe("");
  });
});
