import type { ProductQuery } from "../catalogue";
import type { Language } from "./language";

/** What a product question asks about, beside which product: one or several of these. */
export type ProductAspect = "price" | "availability" | "care" | "size" | "material" | "gift" | "carry";

/** A shopper's product question as the built-in engine reads it (no catalogue needed to read it). */
export interface ProductQuestion {
  /** The message names product words or a price range. */
  query: ProductQuery;
  aspects: ProductAspect[];
  /** "is it machine washable?", "do you have it in charcoal?": about the product under discussion. */
  refersBack: boolean;
  /** No product question was asked; the message may only name a product ("merino throw?"). */
  loose?: true;
}

// Matched on folded text (lower case, accents removed), in en, es, fr and de.
const ASPECT_CUES: Record<ProductAspect, RegExp> = {
  price: new RegExp(
    String.raw`\b(?:price|prices|priced|cost|costs|how much|precio|precios|cuanto (?:cuesta|vale|cuestan)|cuesta|` +
      String.raw`prix|combien|coute|preis|preise|kostet|kosten|wie ?viel)\b`,
  ),
  availability: new RegExp(
    String.raw`\b(?:in stock|stock|available|availability|sold out|left|restock|back in|colou?rs?|disponible|` +
      String.raw`disponibles|disponibilidad|agotad[oa]s?|quedan|colores|existe|existent|en stock|rupture|couleurs?|` +
      String.raw`verfugbar|lieferbar|vorratig|auf lager|ausverkauft|farben?)\b`,
  ),
  care: new RegExp(
    String.raw`\b(?:wash|washable|washing|machine|dishwasher|microwave|clean|cleaning|care|dry|oil|lavar|lavable|` +
      String.raw`lavadora|lavavajillas|microondas|cuidado|limpiar|laver|lavables?|lave-vaisselle|lave vaisselle|` +
      String.raw`entretien|micro-ondes|nettoyer|waschen|waschbar|waschmaschine|spulmaschine|spulmaschinenfest|` +
      String.raw`mikrowelle|pflege|reinigen)\b`,
  ),
  size: new RegExp(
    String.raw`\b(?:size|sizes|how big|dimensions?|measure|measurements|large|comes? with|included|includes|insert|` +
      String.raw`tamano|medidas|mide|talla|incluye|incluido|taille|tailles|mesure|inclus|fourni|grosse|gross|masse|` +
      String.raw`abmessungen|enthalten|inklusive)\b`,
  ),
  material:
    /\b(?:made of|made from|material|materials|fabric|what is it made|materia|tela|hecho de|hecha de|matiere|tissu|en quoi|fait en|stoff|woraus|aus was)\b/,
  gift: /\b(?:gift|gifts|present|presents|regalo|regalos|regalar|cadeau|cadeaux|offrir|geschenk|geschenke|geschenkidee|geschenkideen|schenken)\b/,
  carry: new RegExp(
    String.raw`\b(?:do you (?:sell|have|carry|make|stock)|have you got|sell|venden|vendeis|tienen|teneis|vendez|` +
      String.raw`avez-vous|avez vous|auriez-vous|habt ihr|haben sie|gibt es|fuhrt ihr|verkauft ihr)\b`,
  ),
};

// "under $30", "menos de 30 €", "moins de 30 €", "unter 30 €", "between 20 and 50", "over $100".
const AMOUNT = String.raw`(?:[$€£]\s*)?(\d{1,6}(?:[.,]\d{1,2})?)\s*(?:[$€£]|euros?|eur|usd|dollars?|dolares)?`;
const MAX_PRICE = new RegExp(
  String.raw`\b(?:under|below|less than|up to|at most|cheaper than|max(?:imum)?|menos de|por debajo de|hasta|como mucho|` +
    String.raw`moins de|en dessous de|jusqu'a|au plus|unter|bis|weniger als|hochstens|gunstiger als)\s*${AMOUNT}`,
);
const MIN_PRICE = new RegExp(String.raw`\b(?:over|above|more than|at least|mas de|por encima de|plus de|au moins|uber|mehr als|mindestens|ab)\s*${AMOUNT}`);
const BETWEEN = new RegExp(String.raw`\b(?:between|entre|zwischen)\s*${AMOUNT}\s*(?:and|y|et|und|-)\s*${AMOUNT}`);

// "it", "this one", "lo", "celui-ci", "es": the product under discussion.
const BACK_REFERENCE =
  /\b(?:it|its|it's|this one|that one|this|that|them|lo|este|esta|ese|esa|celui-ci|celui-la|celle-ci|il|elle|ils|ca|es|ihn|dieses|diesen)\b/;

// Words that carry no product meaning (questions, articles, cue words), in the four languages.
const STOP = new Set(
  (
    "a an the is are am was be do does did you your yours we our us i me my it its it's this that these those them they of in on at for to from with and or " +
    "what which how much many any some have has got sell sells carry make stock available availability price prices cost costs please can could would " +
    "anything something everything thing things there here one ones under below over above less more than " +
    "between up about tell know want looking look for like idea ideas gift gifts present presents " +
    "in-stock left sold out colour color colours colors size sizes made material fabric wash washable machine care big dimensions come comes still " +
    "el la los las un una unos unas de del en y o que cual cuanto cuesta tienen tiene teneis hay venden vendeis es son esta estan para con por mi mis tu " +
    "precio disponible disponibles lo me gustaria quiero busco algun alguna menos mas hasta regalo regalos ideas idea color colores talla tamano se puede " +
    "algo cosa cosas quelque chose choses idee etwas sachen " +
    "le les un une des du de la et ou qui quoi quel quelle quels quelles combien est-ce ce cet cette ces existe existent en vous avez vendez pour avec " +
    "prix coute il elle sont moins plus cadeau cadeaux idees je cherche voudrais dans sur au aux taille couleur couleurs " +
    "der die das den dem des ein eine einen einem und oder was wie viel welche welcher welches welchem gibt es ihr habt haben sie ist sind fur mit von zu im " +
    "aus auf lager mein meine meinen meiner est avez-vous passent-elles sont-ils sont-elles est-il est-elle existe-t-il " +
    "mum mom dad mother father wife husband friend sister brother girlfriend boyfriend her him someone birthday christmas wedding " +
    "madre padre mama papa amigo amiga hermana hermano cumpleanos navidad busco mere pere amie soeur frere anniversaire noel " +
    "mutter vater freund freundin schwester bruder geburtstag weihnachten " +
    "unter uber bis preis kostet kosten verfugbar noch ich suche mochte geschenk geschenke geschenkidee geschenkideen farbe farben grosse auch"
  ).split(/\s+/),
);

// Words shoppers use for what the catalogue calls otherwise (the demo shop's products are in English);
// both the word and its catalogue words are searched.
const SYNONYMS: Record<string, string[]> = {
  blanket: ["throw"],
  blankets: ["throw"],
  plaid: ["throw"],
  manta: ["throw"],
  mantas: ["throw"],
  couverture: ["throw"],
  decke: ["throw"],
  kuscheldecke: ["throw"],
  wolldecke: ["throw", "wool"],
  pillow: ["cushion"],
  cojin: ["cushion"],
  funda: ["cover", "cushion"],
  coussin: ["cushion"],
  housse: ["cover", "cushion"],
  kissen: ["cushion"],
  kissenbezug: ["cushion", "cover"],
  kissenhulle: ["cushion", "cover"],
  taza: ["mug"],
  tazas: ["mug"],
  tasse: ["mug"],
  tasses: ["mug"],
  becher: ["mug"],
  tassen: ["mug"],
  cup: ["mug"],
  cups: ["mug"],
  carpet: ["rug"],
  alfombra: ["rug"],
  tapis: ["rug"],
  teppich: ["rug"],
  toalla: ["towel"],
  serviette: ["towel"],
  handtuch: ["towel"],
  badetuch: ["towel"],
  tabla: ["board"],
  planche: ["board"],
  brett: ["board"],
  schneidebrett: ["board"],
  vela: ["candle", "candles"],
  velas: ["candle", "candles"],
  bougie: ["candle", "candles"],
  bougies: ["candle", "candles"],
  kerze: ["candle", "candles"],
  kerzen: ["candle", "candles"],
  lana: ["wool"],
  laine: ["wool"],
  wolle: ["wool"],
  algodon: ["cotton"],
  coton: ["cotton"],
  baumwolle: ["cotton"],
  lino: ["linen"],
  lin: ["linen"],
  leinen: ["linen"],
  nogal: ["walnut"],
  noyer: ["walnut"],
  nussbaum: ["walnut"],
  gris: ["grey", "gray"],
  grau: ["grey", "gray"],
  gray: ["grey"],
  grey: ["gray"],
  blanco: ["white"],
  blancos: ["white"],
  blancas: ["white"],
  blanches: ["white"],
  weisse: ["white"],
  weissen: ["white"],
  toallas: ["towel"],
  serviettes: ["towel"],
  handtucher: ["towel"],
  blanca: ["white"],
  blanc: ["white"],
  blanche: ["white"],
  weiss: ["white"],
  verde: ["green"],
  vert: ["green"],
  grun: ["green"],
  natur: ["natural"],
  naturel: ["natural"],
  tarjeta: ["gift", "card"],
  carte: ["gift", "card"],
  gutschein: ["gift", "card"],
  geschenkkarte: ["gift", "card"],
  giftcard: ["gift", "card"],
};

const MAX_RESULTS = 5;

/** Lower case without accents (the same folding interpret-message uses). */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘]/g, "'")
    .replace(/ß/g, "ss");
}

function amount(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const n = Number(raw.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}

/** The price bounds a message states ("under $30" → max 30), and the text without them. */
function priceBounds(folded: string): { minPrice?: number; maxPrice?: number; rest: string } {
  const between = BETWEEN.exec(folded);
  if (between) return { minPrice: amount(between[1]), maxPrice: amount(between[2]), rest: folded.replace(between[0], " ") };
  const max = MAX_PRICE.exec(folded);
  const min = MIN_PRICE.exec(folded);
  let rest = folded;
  for (const m of [max, min]) if (m) rest = rest.replace(m[0], " ");
  return { ...(min ? { minPrice: amount(min[1]) } : {}), ...(max ? { maxPrice: amount(max[1]) } : {}), rest };
}

/** The meaningful words of a message (names, types, colours, materials, sizes), with their catalogue synonyms. */
export function productWords(folded: string): string[] {
  const words = folded
    .replace(/(\d)\s*[x×]\s*(\d)/g, "$1x$2")
    .split(/[^a-z0-9x'-]+|(?<=[a-z])'|'(?=[a-z])/)
    .map((w) => w.replace(/^[-']+|[-']+$/g, ""))
    .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w));
  const out: string[] = [];
  // Plurals find their singular's synonyms ("bougies", "Kissen", "cojines").
  const synonyms = (w: string) => SYNONYMS[w] ?? SYNONYMS[w.replace(/(?:es|s|n)$/, "")] ?? [];
  for (const w of words) for (const x of [w, ...synonyms(w)]) if (!out.includes(x)) out.push(x);
  return out;
}

/**
 * Reads a product question: the aspects asked, the words and price bounds to search with, and
 * whether it is about the product under discussion. Null when the message asks nothing about products.
 */
export function readProductQuestion(text: string, lang: Language): ProductQuestion | null {
  const folded = fold(text);
  const { minPrice, maxPrice, rest } = priceBounds(folded);
  const aspects = (Object.keys(ASPECT_CUES) as ProductAspect[]).filter((a) => ASPECT_CUES[a].test(folded));
  const words = productWords(rest);
  const priced = minPrice !== undefined || maxPrice !== undefined;
  if (!aspects.length && !priced) return null;
  const query: ProductQuery = {
    words,
    ...(minPrice !== undefined ? { minPrice } : {}),
    ...(maxPrice !== undefined ? { maxPrice } : {}),
    language: lang,
    limit: MAX_RESULTS,
  };
  return { query, aspects, refersBack: BACK_REFERENCE.test(folded) };
}

/** The message asks about products (a price, stock, colours, size, care, material, gifts, "do you sell…"). */
export function asksAboutProducts(text: string): boolean {
  const folded = fold(text);
  return Object.values(ASPECT_CUES).some((cue) => cue.test(folded)) || [MAX_PRICE, MIN_PRICE, BETWEEN].some((bound) => bound.test(folded));
}

/** A message with no recognised intent may still name a product ("merino throw?"): its words, searched quietly. */
export function looseProductQuery(text: string, lang: Language): ProductQuery | null {
  const words = productWords(fold(text));
  return words.length ? { words, language: lang, limit: MAX_RESULTS } : null;
}

/** The catalogue search for words someone else chose (the model's search tool), read like a shopper's. */
export function productSearchQuery(text: string, lang: Language, bounds: { minPrice?: number; maxPrice?: number }): ProductQuery {
  return { words: productWords(fold(text)), ...bounds, language: lang, limit: MAX_RESULTS };
}
