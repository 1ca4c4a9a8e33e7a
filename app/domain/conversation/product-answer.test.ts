import { describe, expect, it } from "vitest";
import { DEMO_FACTS, memoryCatalogue } from "../../../tests/support/memory-catalogue";
import type { Language } from "./language";
import { productAnswer } from "./product-answer";
import { readMessage } from "./read-message";
import { formatFor, repliesFor } from "./replies";

// The built-in engine's product answers, read from a shopper's message and answered from the demo
// store's facts (issue 24), in the four languages. `says` must all appear; `never` must not.
async function answer(text: string, lang: Language, previousSaid: string[] = []) {
  const reading = readMessage(null, { text, signedCustomerId: null }, false, { lang, previousSaid });
  if (!reading.products) return { text: null, cards: [] as string[], reading };
  const products = await memoryCatalogue().searchProducts(reading.products);
  const a = productAnswer(
    { question: reading.productQuestion, products, failed: false, previousHandle: reading.previousProduct },
    repliesFor(lang),
    formatFor(lang),
  );
  // Intl separates amounts and currencies with no-break spaces; the table is written with plain ones.
  return { text: a ? a.said.text.replace(/[\u00a0\u202f]/g, " ") : null, cards: a?.products.map((p) => p.handle) ?? [], reading, answer: a };
}

const THROW = ["product:merino-wool-throw"];

const CASES: Array<{ lang: Language; ask: string; before?: string[]; says: string[]; never?: string[]; cards?: string[] }> = [
  // English
  {
    lang: "en",
    ask: "is the merino throw machine washable?",
    says: ["Merino Wool Throw: $49.00", "hand wash cold or dry clean; not machine washable"],
    cards: ["merino-wool-throw"],
  },
  { lang: "en", ask: "do you have it in charcoal?", before: THROW, says: ["Charcoal: sold out"], never: ["Oat", "Sage"] },
  { lang: "en", ask: "Is the Sage one still available?", before: THROW, says: ["Sage: 3 left"], never: ["Charcoal"] },
  { lang: "en", ask: "what colours does the throw come in?", says: ["Oat: in stock", "Sage: 3 left", "Charcoal: sold out"] },
  { lang: "en", ask: "what's the price of the 5x8 rug?", says: ["5x8 ft $690.00", "Made to order: ships in 3–4 weeks."], never: ["in stock", "left"] },
  { lang: "en", ask: "how much is the 8x10 rug", says: ["8x10 ft $1,180.00"], never: ["690"] },
  {
    lang: "en",
    ask: "gift ideas under $30?",
    says: ["gift ideas up to $30.00", "Linen Cushion Cover ($12.75)", "Beeswax Taper Candles (set of 2) ($18.00)", "Cotton Bath Towel ($24.00)"],
    never: ["Merino", "Rug", "Walnut"],
  },
  { lang: "en", ask: "how big is the cushion cover?", says: ["Size: 45 × 45 cm.", "Insert not included."] },
  { lang: "en", ask: "is the walnut board dishwasher safe?", says: ["$65.00", "oil monthly; not dishwasher safe"] },
  { lang: "en", ask: "are the mugs microwave safe?", says: ["Stoneware Mug Set: $89.00", "Dishwasher and microwave safe."] },
  { lang: "en", ask: "what is the towel made of?", says: ["$24.00", "600 gsm organic cotton"] },
  { lang: "en", ask: "how do I wash the candles?", says: ["$18.00", "The product description doesn't say anything about how to care for it."] },
  { lang: "en", ask: "do you sell blankets?", says: ["Merino Wool Throw"], cards: ["merino-wool-throw"] },
  { lang: "en", ask: "do you sell sofas?", says: ["we don't seem to carry it"], never: ["$"], cards: [] },
  { lang: "en", ask: "do you have the throw in grey?", says: ["comes in Oat, Sage, and Charcoal only"] },
  { lang: "en", ask: "anything between $40 and $70?", says: ["between $40.00 and $70.00", "Merino Wool Throw ($49.00)", "Walnut Serving Board ($65.00)"] },
  { lang: "en", ask: "What sizes does the rug come in?", says: ["5x8 ft $690.00, 8x10 ft $1,180.00"], never: ["doesn't say"] },
  { lang: "en", ask: "does the cushion cover come with an insert?", says: ["Insert not included."] },
  { lang: "en", ask: "Do you have gift cards?", says: ["Gift card: $25.00, $50.00, $100.00."] },
  { lang: "en", ask: "I'm looking for a present for my mum under 50 dollars", says: ["Some gift ideas up to $50.00", "Cotton Bath Towel ($24.00)"] },
  // Spanish
  { lang: "es", ask: "¿tienen el plaid en gris?", says: ["Merino Wool Throw", "solo está disponible en Oat, Sage y Charcoal", "Charcoal: agotado"] },
  { lang: "es", ask: "¿La manta se puede lavar a máquina?", says: ["49,00 US$", "not machine washable"] },
  { lang: "es", ask: "¿cuánto cuesta la alfombra de 5x8?", says: ["5x8 ft 690,00 US$", "Made to order"] },
  {
    lang: "es",
    ask: "ideas de regalo de menos de 20 €",
    says: ["Algunas ideas de regalo por hasta 20,00 US$", "Linen Cushion Cover", "Beeswax"],
    never: ["Towel"],
  },
  { lang: "es", ask: "¿venden sofás?", says: ["parece que no lo vendemos"] },
  {
    lang: "es",
    ask: "busco un regalo para mi madre por menos de 30 euros",
    says: ["Algunas ideas de regalo por hasta 30,00 US$", "Cotton Bath Towel (24,00 US$)"],
  },
  // French
  { lang: "fr", ask: "est-ce que le plaid existe en vert ?", says: ["existe uniquement en Oat, Sage et Charcoal", "Sage : plus que 3"] },
  { lang: "fr", ask: "Le coussin est-il lavable en machine ?", says: ["Linen Cushion Cover : 12,75 $US", "machine washable at 40 °C"], never: ["stonewashed"] },
  { lang: "fr", ask: "Quelles sont les dimensions du tapis ?", says: ["5x8 ft 690,00 $US", "8x10 ft 1 180,00 $US"] },
  { lang: "fr", ask: "une idée cadeau à moins de 30 € ?", says: ["Quelques idées cadeaux jusqu’à 30,00 $US", "Cotton Bath Towel (24,00 $US)"] },
  { lang: "fr", ask: "Avez-vous des serviettes blanches ?", says: ["Cotton Bath Towel : 24,00 $US", "White : en stock"], never: ["Stone"] },
  // German
  { lang: "de", ask: "Gibt es Geschenke unter 30 €?", says: ["Ein paar Geschenkideen bis 30,00 $", "Linen Cushion Cover (12,75 $)"], never: ["Merino"] },
  { lang: "de", ask: "Ist die Decke waschbar?", says: ["Merino Wool Throw: 49,00 $", "not machine washable", "Sage: noch 3 Stück", "Charcoal: ausverkauft"] },
  { lang: "de", ask: "Habt ihr die Tassen in Weiß?", says: ["Stoneware Mug Set", "Speckled White: auf Lager"], never: ["Charcoal"] },
  { lang: "de", ask: "Was kostet der Teppich in 8x10?", says: ["8x10 ft 1.180,00 $"] },
  { lang: "de", ask: "Ich suche ein Geschenk für meine Mutter unter 40 €", says: ["Ein paar Geschenkideen bis 40,00 $"] },
  { lang: "de", ask: "Verkauft ihr Sofas?", says: ["wir scheinen es nicht zu führen"] },
  // German plurals and compounds are read as the catalogue's search reads them.
  { lang: "de", ask: "Habt ihr Wollteppiche?", says: ["Handwoven Wool Rug", "5x8 ft 690,00 $"], never: ["nicht zu führen"] },
  { lang: "de", ask: "Habt ihr Teppiche?", says: ["Handwoven Wool Rug"], never: ["nicht zu führen"] },
  { lang: "de", ask: "Gibt es die Wolldecke auch in Blau?", says: ["Merino Wool Throw", "Oat, Sage und Charcoal"] },
];

describe("productAnswer: the demo store's facts, asked in four languages", () => {
  it.each(CASES)("$lang: $ask", async ({ lang, ask, before, says, never, cards }) => {
    const r = await answer(ask, lang, before);
    expect(r.text, `no answer for "${ask}"`).not.toBeNull();
    for (const s of says) expect(r.text).toContain(s);
    for (const s of never ?? []) expect(r.text).not.toContain(s);
    if (cards) expect(r.cards).toEqual(cards);
  });

  it("never names a product, price or stock the data does not have", async () => {
    const titles = DEMO_FACTS.map((p) => p.title);
    const prices = new Set(DEMO_FACTS.flatMap((p) => p.variants.map((v) => Number(v.price.amount))));
    for (const { ask, lang, before } of CASES) {
      const r = await answer(ask, lang, before);
      for (const m of r.text!.matchAll(/\$(\d[\d,]*\.\d\d)/g)) {
        const n = Number(m[1]!.replace(/,/g, ""));
        // Price bounds the shopper stated are echoed; every other amount is a variant's price.
        const bounds = [r.reading.products?.minPrice, r.reading.products?.maxPrice];
        expect(prices.has(n) || bounds.includes(n), `${ask}: ${m[0]}`).toBe(true);
      }
      for (const handle of r.cards) expect(DEMO_FACTS.some((p) => p.handle === handle)).toBe(true);
      expect(titles.some((t) => r.text!.includes(t)) || /carry|vendemos|proposions|führen/.test(r.text!)).toBe(true);
    }
  });

  it("a message that may only name a product is answered when the catalogue has it, and left to the usual answers otherwise", async () => {
    expect((await answer("merino throw", "en")).text).toContain("Merino Wool Throw: $49.00");
    expect((await answer("can I pay with paypal?", "en")).text).toBeNull();
  });

  it("a catalogue that cannot be read is never 'we don't carry that'", () => {
    const reading = readMessage(null, { text: "do you sell throws?", signedCustomerId: null }, false);
    const a = productAnswer({ question: reading.productQuestion, products: [], failed: true, previousHandle: null }, repliesFor("en"), formatFor("en"));
    expect(a?.said.key).toBe("catalogue_unavailable");
    expect(a?.unhelpful).toBe(true);
  });

  it("the follow-up's search adds the product under discussion's words (one search)", async () => {
    const r = await answer("is it machine washable?", "en", ["product:linen-cushion-cover+product_availability"]);
    expect(r.reading.products?.words).toEqual(expect.arrayContaining(["linen", "cushion", "cover"]));
    expect(r.text).toContain("machine washable at 40 °C");
  });
});

describe("a follow-up about another choice or aspect of the same product", () => {
  it("is a new answer, not a repeat (its key names what it told)", async () => {
    const charcoal = await answer("do you have it in charcoal?", "en", ["product:merino-wool-throw"]);
    const sage = await answer("what about sage?", "en", [charcoal.answer!.said.key]);
    expect(sage.text).toContain("Sage: 3 left");
    expect(sage.answer!.said.key).not.toBe(charcoal.answer!.said.key);
    const care = await answer("is the cushion cover machine washable?", "fr");
    const size = await answer("quelle taille fait la housse ?", "fr", [care.answer!.said.key]);
    expect(size.answer!.said.key).not.toBe(care.answer!.said.key);
  });
});
