import { gather, wordsPattern } from "./lexicon";
import type { NormalizedText } from "./normalize";
import { NON_SHOP_OBJECT_RE, SHOP_OBJECT_RE } from "./shop-vocabulary";

// Topics that always need a person, whatever the thresholds: a wrong automated answer about
// personal data, a safety/allergy incident or fraud costs far more than an extra email.

/** Which sensitive area a message touches. */
export type SensitiveKind = "privacy" | "safety" | "fraud";

/** A sensitive topic found in one message. */
export interface SensitiveMatch {
  kind: SensitiveKind;
  quote: string;
}

// In this order: an allergic reaction reported with a card charge is a safety case first.
const KINDS: SensitiveKind[] = ["safety", "fraud", "privacy"];
const SENSITIVE: [SensitiveKind, RegExp][] = KINDS.map((kind) => [kind, wordsPattern(gather((l) => l.sensitive?.[kind]))]);

// A fraud report about a bank card or account with no link to the shop ("I think someone used my
// card, can you lock it") is a routine banking request, not something the merchant can act on.
const SHOP_LINK_RE = /\b(?:your|this|the) (?:store|shop|site|website|company|brand)\b|\b(?:from|by|with) you\b|\byou (?:charged|billed|took|debited)\b/;
const PREVENTIVE_SAFETY_RE = /\b(?:not|no) (?:allergic|allergy|injured|hurt)\b|\ballergy[- ]free\b/;

/** Finds a privacy, safety/allergy or fraud topic in one message. */
export function findSensitiveTopic(message: NormalizedText): SensitiveMatch | undefined {
  const { text } = message;
  for (const [kind, pattern] of SENSITIVE) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (kind === "safety" && PREVENTIVE_SAFETY_RE.test(text)) continue;
    if (kind === "fraud" && NON_SHOP_OBJECT_RE.test(text) && !SHOP_OBJECT_RE.test(text) && !SHOP_LINK_RE.test(text)) continue;
    return { kind, quote: m[0].trim() };
  }
  return undefined;
}

/** Human words for a sensitive topic, used in the reason text. */
export function describeSensitive(kind: SensitiveKind): string {
  switch (kind) {
    case "privacy":
      return "privacy or personal-data request";
    case "safety":
      return "safety or allergy issue";
    case "fraud":
      return "possible fraud";
  }
}
