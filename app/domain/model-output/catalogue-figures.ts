// Figures a model reply may state about products only when the turn's data gives them: prices and
// stock counts must appear in the catalogue results (or the shopper's own words, "under $30"), and
// no restock or "back soon" promise is ever the data's (the catalogue has no such dates).

/** "$1,180.00", "1.180,00 €", "49 USD", "US$ 49", "R$ 49", "49ドル": amounts with a currency, in the guard's languages. */
const CURRENCY = String.raw`(?:US\$|R\$|\$|€|£|¥|USD|EUR|GBP|CAD|AUD|CHF|BRL|JPY|\$US|US-Dollar|dollars?|euros?|dólares|dolares|dollari|reais|ドル|円|ユーロ)`;
// Grouped thousands first ("1,180.00"), then plain digits ("1180.00"): the longest reading wins.
const NUMBER = String.raw`(?<!\d)(?:\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?!\d)`;
const MONEY = new RegExp(String.raw`${CURRENCY}\s?(${NUMBER})|(${NUMBER})\s?${CURRENCY}`, "giu");
// "3 left", "only 3 in stock", "quedan 3", "plus que 3", "noch 3 Stück", "ne restano 3", "restam 3", "残り3点"
const STOCK_COUNT = new RegExp(
  String.raw`\b(\d+)\s+(?:left|remaining|in stock|available|units?|pieces?|disponibles?|en stock|restantes?|` +
    String.raw`unidades|exemplaires?|st(?:ü|u)ck|auf lager|verf(?:ü|u)gbar|rimast[ie]|disponibil[ie]|pezzi|in magazzino|` +
    String.raw`em estoque|peças|dispon[ií]ve(?:l|is))\b|\b(?:only|just|quedan|solo quedan|` +
    String.raw`plus que|il reste|reste|noch|nur noch|ne restano|restano|solo|restam|apenas|só)\s+(\d+)\b|` +
    String.raw`残り\s?(\d+)|在庫(?:は|が)?\s?(\d+)|(\d+)\s?(?:点|個|枚)(?:のみ|限り|在庫)`,
  "giu",
);
const RESTOCK = new RegExp(
  String.raw`\b(?:back in stock|restock(?:ed|ing)?|be available again|available again (?:on|by|in|next|soon)|` +
    String.raw`in stock (?:again|soon|next)|de nuevo disponible|volver(?:a|á) a estar disponible|reposici[oó]n|` +
    String.raw`r[ée]approvisionn\w*|bient[oô]t (?:disponible|de retour)|de retour en stock|wieder (?:verf(?:ü|` +
    String.raw`u)gbar|auf lager|lieferbar|vorr(?:ä|a)tig)|di nuovo disponibile|torner(?:à|a) disponibile|riassortiment\w*|` +
    String.raw`(?:de novo|novamente) dispon[íi]vel|volta(?:r(?:á|a))? ao estoque|reposi(?:ç|c)(?:ã|a)o)\b|再入荷|入荷予定|近日入荷`,
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
    const n = Number(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
    if (!known.has(n)) return "unsupported_stock";
  }
  return null;
}
