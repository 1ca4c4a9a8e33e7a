// English: the words each signal matches (see lexicon.ts for the slots). Patterns run on normalized
// text (lower case, no accents, "don't" → "do not", typos of key nouns fixed), so they list word
// choices, not spellings.
import type { Lexicon } from "../lexicon";
import { EN_ANGER_PHRASES } from "./anger-phrases";
import { EN_ANGER_WORDS } from "./anger-words";
import { EN_EXPLICIT_REQUEST } from "./explicit-request";
import { EN_NORMALIZE } from "./normalize";
import { EN_PLEASANTRIES } from "./pleasantries";
import { EN_SENSITIVE } from "./sensitive";
import { EN_SHOP_AND_MONEY } from "./shop-and-money";
import { EN_THREAT } from "./threat";
import { EN_TOPIC } from "./topic";

/** English, per signal: one file per slot group in this folder, joined in the order the slots are declared. */
export const EN: Lexicon = {
  ...EN_EXPLICIT_REQUEST,
  ...EN_THREAT,
  ...EN_SENSITIVE,
  ...EN_TOPIC,
  ...EN_SHOP_AND_MONEY,
  ...EN_ANGER_WORDS,
  ...EN_ANGER_PHRASES,
  ...EN_PLEASANTRIES,
  ...EN_NORMALIZE,
};
