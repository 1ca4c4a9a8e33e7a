import { describe, expect, it } from "vitest";
import { guessLanguage, replyLanguage } from "./guess-language";

describe("the reply language when the storefront sent no locale", () => {
  it.each([
    ["where is my order?", "en"],
    ["¿Dónde está mi pedido? Lo pedí hace una semana", "es"],
    ["Bonjour, où est ma commande ?", "fr"],
    ["Hallo, wo ist meine Bestellung?", "de"],
    ["quiero devolver el producto", "es"],
    ["je veux annuler ma commande", "fr"],
    ["Ich möchte meine Bestellung stornieren", "de"],
    ["#1042", null],
    ["sarah@example.com", null],
  ] as const)("%j → %s", (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it("the storefront's locale wins when it is sent", () => {
    expect(replyLanguage("fr-CA", "where is my order?", [])).toBe("fr");
  });

  it("follows the message, then the shopper's earlier messages, then English", () => {
    expect(replyLanguage(undefined, "¿dónde está mi pedido?", [])).toBe("es");
    expect(replyLanguage(undefined, "#1042", [{ role: "shopper", text: "Wo ist meine Bestellung?" }])).toBe("de");
    expect(replyLanguage(undefined, "#1042", [])).toBe("en");
  });
});
