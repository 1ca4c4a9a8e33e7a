// Figures a model reply may state about products only when the turn's data gives them: prices and
// stock counts must appear in the catalogue results (or the shopper's own words, "under $30"), and
// no restock or "back soon" promise is ever the data's (the catalogue has no such dates).

/** "$1,180.00", "1.180,00 €", "49 USD", "US$ 49": amounts with a currency, in the widget's languages. */
const CURRENCY = String.raw`(?:US\$|\$|€|£|USD|EUR|GBP|CAD|AUD|CHF|\$US|US-Dollar|dollars?|euros?|dólares|dolares)`;
// Grouped thousands first ("1,180.00"), then plain digits ("1180.00"): the longest reading wins.
const NUMBER = String.raw`(?<!\d)(?:\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?!\d)`;
const MONEY = new RegExp(String.raw`${CURRENCY}\s?(${NUMBER})|(${NUMBER})\s?${CURRENCY}`, "giu");
// "3 left", "only 3 in stock", "quedan 3", "plus que 3", "noch 3 Stück"
const STOCK_COUNT = new RegExp(
  String.raw`\b(\d+)\s+(?:left|remaining|in stock|available|units?|pieces?|disponibles?|en stock|restantes?|` +
    String.raw`unidades|exemplaires?|st(?:ü|u)ck|auf lager|verf(?:ü|u)gbar)\b|\b(?:only|just|quedan|solo quedan|` +
    String.raw`plus que|il reste|reste|noch|nur noch)\s+(\d+)\b`,
  "giu",
);
const RESTOCK = new RegExp(
  String.raw`\b(?:back in stock|restock(?:ed|ing)?|be available again|available again (?:on|by|in|next|soon)|` +
    String.raw`in stock (?:again|soon|next)|de nuevo disponible|volver(?:a|á) a estar disponible|reposici[oó]n|` +
    String.raw`r[ée]approvisionn\w*|bient[oô]t (?:disponible|de retour)|de retour en stock|wieder (?:verf(?:ü|` +
    String.raw`u)gbar|auf lager|lieferbar|vorr(?:ä|a)tig))\b`,
  "iu",
);

/** A decimal amount from its written form: "1,180.00" and "1.180,00" are both 1180. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "");
  const m = /^(.*?)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = m[1]!.replace(/[.,]/g, "");
  const n = Number(`${whole}.${m[2] ?? "0"}`);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

/** Every number written in the sources (tool results, the shopper's words), as amounts. */
function knownNumbers(sources: readonly string[]): Set<number> {
  const known = new Set<number>();
  for (const s of sources)
    for (const m of s.matchAll(new RegExp(NUMBER, "gu"))) {
      const n = parseAmount(m[0]);
      if (n !== null) known.add(n);
    }
  return known;
}

export type FigureRefusal = "unsupported_price" | "unsupported_stock" | "restock_promise";

/** The first figure the sources do not give, or null when every price and count is theirs. */
export function unsupportedFigure(text: string, sources: readonly string[]): FigureRefusal | null {
  if (RESTOCK.test(text)) return "restock_promise";
  const known = knownNumbers(sources);
  for (const m of text.matchAll(MONEY)) {
    const n = parseAmount(m[1] ?? m[2] ?? "");
    if (n !== null && !known.has(n)) return "unsupported_price";
  }
  for (const m of text.matchAll(STOCK_COUNT)) {
    const n = Number(m[1] ?? m[2]);
    if (!known.has(n)) return "unsupported_stock";
  }
  return null;
}
