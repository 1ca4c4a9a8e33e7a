import { describe, expect, it } from "vitest";
import { parseAmount, unsupportedFigure } from "./catalogue-figures";

const RESULT = JSON.stringify({
  products: [
    {
      title: "Merino Wool Throw",
      price: "49.00 USD",
      variants: [
        { title: "Sage", quantity_available: 3 },
        { title: "Oat", quantity_available: 24 },
      ],
    },
  ],
  rug: { title: "Handwoven Wool Rug", variants: [{ title: "8x10 ft", price: "1180.00" }] },
});

describe("unsupportedFigure", () => {
  it.each([
    ["The Merino Wool Throw is $49.00 and Sage has 3 left.", null],
    ["La manta cuesta 49,00 US$ y quedan 3 en Sage.", null],
    ["Le plaid coûte 49 $US, il reste 3 exemplaires.", null],
    ["Gift ideas under $30: nothing else fits.", null],
    ["The throw is on sale for $39.00.", "unsupported_price"],
    ["Der Teppich kostet 1.280,00 €.", "unsupported_price"],
    ["The 8x10 ft rug is $1,180.00.", null],
    ["Only 2 left in Sage!", "unsupported_stock"],
    ["Charcoal will be back in stock next week.", "restock_promise"],
    ["Charcoal sera bientôt disponible.", "restock_promise"],
    ["Charcoal ist bald wieder verfügbar.", "restock_promise"],
    ["La coperta costa 49,00 €, ne restano 3.", null],
    ["Restam apenas 2 unidades.", "unsupported_stock"],
    ["残り2点です。", "unsupported_stock"],
    ["残り3点です。", null],
    ["この毛布は39ドルです。", "unsupported_price"],
    ["O tapete custa R$ 1.280,00.", "unsupported_price"],
    ["Il Charcoal sarà di nuovo disponibile la prossima settimana.", "restock_promise"],
    ["O Charcoal volta ao estoque na próxima semana.", "restock_promise"],
    ["チャコールは来週再入荷します。", "restock_promise"],
  ])("%s → %s", (text, verdict) => {
    expect(unsupportedFigure(text, [RESULT, "gift ideas under $30?"])).toBe(verdict);
  });

  it("reads amounts in the four languages' conventions", () => {
    expect(parseAmount("1,180.00")).toBe(1180);
    expect(parseAmount("1.180,00")).toBe(1180);
    expect(parseAmount("12,75")).toBe(12.75);
    expect(parseAmount("1 180,00")).toBe(1180);
  });
});
