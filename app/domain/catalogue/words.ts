// How catalogue text and a shopper's words become comparable tokens: lower case, no accents,
// sizes written one way ("5 × 8" → "5x8"), plural forms folded, and the common colour, material
// and product words of en, es, fr and de mapped to one English word, so "manta de lana gris" meets
// a shop that wrote "Wool Throw, Charcoal".

/** Foreign or variant word → the English word shops most often publish. */
const SYNONYMS: Record<string, string> = {
  // colours
  gray: "grey",
  gris: "grey",
  grau: "grey",
  blanco: "white",
  blanca: "white",
  blanc: "white",
  blanche: "white",
  weiss: "white",
  negro: "black",
  negra: "black",
  noir: "black",
  noire: "black",
  schwarz: "black",
  verde: "green",
  vert: "green",
  verte: "green",
  grun: "green",
  azul: "blue",
  bleu: "blue",
  bleue: "blue",
  blau: "blue",
  rojo: "red",
  roja: "red",
  rouge: "red",
  rot: "red",
  marron: "brown",
  brun: "brown",
  braun: "brown",
  naranja: "orange",
  rosa: "pink",
  rose: "pink",
  amarillo: "yellow",
  jaune: "yellow",
  gelb: "yellow",
  // materials
  lana: "wool",
  laine: "wool",
  wolle: "wool",
  merinos: "merino",
  lino: "linen",
  lin: "linen",
  leinen: "linen",
  algodon: "cotton",
  coton: "cotton",
  baumwolle: "cotton",
  nogal: "walnut",
  noyer: "walnut",
  walnuss: "walnut",
  nussbaum: "walnut",
  madera: "wood",
  bois: "wood",
  holz: "wood",
  wooden: "wood",
  gres: "stoneware",
  steinzeug: "stoneware",
  ceramica: "ceramic",
  ceramique: "ceramic",
  keramik: "ceramic",
  bienenwachs: "beeswax",
  cera: "wax",
  cire: "wax",
  wachs: "wax",
  // kinds of product
  blanket: "throw",
  manta: "throw",
  plaid: "throw",
  couverture: "throw",
  decke: "throw",
  wolldecke: "throw",
  pillow: "cushion",
  cojin: "cushion",
  coussin: "cushion",
  kissen: "cushion",
  kissenbezug: "cushion",
  kissenhulle: "cushion",
  hulle: "cover",
  funda: "cover",
  housse: "cover",
  bezug: "cover",
  cup: "mug",
  taza: "mug",
  tasse: "mug",
  becher: "mug",
  carpet: "rug",
  alfombra: "rug",
  tapis: "rug",
  teppich: "rug",
  toalla: "towel",
  serviette: "towel",
  handtuch: "towel",
  badetuch: "towel",
  tabla: "board",
  planche: "board",
  brett: "board",
  schneidebrett: "board",
  vela: "candle",
  bougie: "candle",
  kerze: "candle",
  kerzen: "candle",
  regalo: "gift",
  cadeau: "gift",
  geschenk: "gift",
  present: "gift",
  tarjeta: "card",
  carte: "card",
  karte: "card",
  gutschein: "gift",
  geschenkkarte: "gift",
  juego: "set",
  ensemble: "set",
};

/** Words that name no product ("ideas", "something"): a query made only of them asks for anything. */
const GENERIC = new Set(
  (
    "idea ideas something anything thing things product products item items stuff " +
    "algo cosa cosas producto productos articulo articulos quelque chose produit produits article articles " +
    "etwas sache sachen produkt produkte artikel idee ideen"
  ).split(" "),
);

/** Function words of the four languages: they name nothing in a catalogue. */
const STOP = new Set(
  (
    "the an and or of for in on with to is it do does you your have has are this that my me " +
    "el la los las un una unos unas de del en con para por que es tiene tienen su sus y o " +
    "le les une des du au aux et ou avec pour est sur ce cette mon ma vous avez " +
    "der die das den dem des ein eine einen und oder mit fur ist von zu im in habt haben sie ihr"
  ).split(" "),
);

/** Lower case, accents removed, "×" read as "x". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/×/g, "x");
}

/** One word's comparable form: its synonym, else its singular. */
export function canonicalWord(word: string): string {
  const synonym = SYNONYMS[word];
  if (synonym) return synonym;
  const singular = singularOf(word);
  return SYNONYMS[singular] ?? SYNONYMS[foreignSingular(word) ?? ""] ?? singular;
}

// German (and some Spanish/French) plurals the English rule misses: "Teppiche", "Decken", "Handtücher"
// (folded: "handtucher"), "tapis" stays. Only a stem that is a known word is accepted, so an English
// word is never cut to a stranger ("cable" is not "cabl").
const FOREIGN_PLURAL_ENDINGS = ["en", "er", "e", "n", "es", "s"];

function foreignSingular(word: string): string | undefined {
  for (const ending of FOREIGN_PLURAL_ENDINGS) {
    if (word.length - ending.length < 3 || !word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (SYNONYMS[stem]) return stem;
  }
  return undefined;
}

// German names products by compounds: "Wollteppich" is a wool rug, "Baumwollkissen" a cotton
// cushion. A word ending in a known German product noun is read as that noun plus, when the rest is a
// known material or colour (with its linking letters), that word too.
const GERMAN_HEADS = ["teppich", "decke", "kissen", "kissenbezug", "tasse", "becher", "handtuch", "brett", "kerze", "karte", "bezug"];
const LINKING = ["", "e", "s", "n", "en"];

function germanCompound(word: string): string[] | undefined {
  const forms = [word, ...FOREIGN_PLURAL_ENDINGS.filter((ending) => word.endsWith(ending)).map((ending) => word.slice(0, -ending.length))];
  let head: string | undefined;
  let singular = word;
  for (const form of forms) {
    for (const candidate of GERMAN_HEADS) {
      if (form.length > candidate.length + 2 && form.endsWith(candidate) && (!head || candidate.length > head.length)) {
        head = candidate;
        singular = form;
      }
    }
  }
  if (!head) return undefined;
  const rest = singular.slice(0, -head.length);
  const parts = [SYNONYMS[head]];
  for (const link of LINKING) {
    if (!rest.endsWith(link)) continue;
    const modifier = rest.slice(0, rest.length - link.length);
    const known = modifier.length >= 3 ? (SYNONYMS[modifier] ?? SYNONYMS[`${modifier}e`]) : undefined;
    if (known) {
      parts.unshift(known);
      break;
    }
  }
  return parts;
}

function singularOf(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ss") || word.endsWith("us")) return word;
  if (/(?:x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** Text → comparable tokens, in order (duplicates kept). Sizes "5 x 8" and "5×8" become "5x8". */
export function tokens(text: string): string[] {
  const folded = fold(text).replace(/(\d+(?:[.,]\d+)?)\s*x\s*(?=\d)/g, "$1x");
  const out: string[] = [];
  for (const raw of folded.split(/[^a-z0-9.x]+|(?<=\D)\.|\.(?=\D|$)/)) {
    const word = raw.replace(/^\.+|\.+$/g, "");
    if ((word.length < 2 && !/^\d$/.test(word)) || STOP.has(word)) continue;
    const compound = word.length >= 8 && !SYNONYMS[word] ? germanCompound(word) : undefined;
    if (compound) out.push(...compound);
    else out.push(canonicalWord(word));
  }
  return out;
}

/** A query word that names no product ("ideas", "algo"). */
export function isGenericWord(token: string): boolean {
  return GENERIC.has(token);
}

/** Shop colour names → the plain colour a shopper may ask for ("grey" finds Charcoal, weaker than "charcoal"). */
const COLOUR_FAMILY: Record<string, string> = {
  charcoal: "grey",
  graphite: "grey",
  slate: "grey",
  stone: "grey",
  ash: "grey",
  oat: "beige",
  oatmeal: "beige",
  sand: "beige",
  natural: "beige",
  linen: "beige",
  cream: "white",
  ivory: "white",
  snow: "white",
  sage: "green",
  olive: "green",
  moss: "green",
  forest: "green",
  rust: "orange",
  terracotta: "orange",
  navy: "blue",
  indigo: "blue",
  denim: "blue",
  burgundy: "red",
  wine: "red",
  mustard: "yellow",
  ochre: "yellow",
  walnut: "brown",
  chocolate: "brown",
};

/** The plain colour a shop's colour word belongs to, if known. */
export function colourFamily(token: string): string | undefined {
  return COLOUR_FAMILY[token];
}
