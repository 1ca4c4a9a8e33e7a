/** The store's published policies (refund, shipping, …), as the assistant quotes them. */
export type PolicyKind = "refund" | "shipping" | "privacy" | "terms" | "contact" | "other";

export interface ShopPolicy {
  kind: PolicyKind;
  title: string;
  /** Plain text (HTML stripped). */
  body: string;
  url: string | null;
}

/** Words that say a sentence is about the money coming back, or about shipping. */
const TOPIC_WORDS = {
  refund: /refund|reembols|rembours|erstatt|money back/i,
  shipping: /ship|envi|exp[eé]di|versand|liefer|deliver/i,
};

/**
 * The sentence of a store policy that answers "how long?" — naming a number of days or weeks, and
 * preferably the topic ("Refunds go back … within 5–10 business days", not the 30-day return window).
 * The shop's own words, quoted as written.
 */
export function policyTiming(body: string | null | undefined, topic: keyof typeof TOPIC_WORDS): string | null {
  if (!body) return null;
  const sentences = body.replace(/\s+/g, " ").split(/(?<=[.!?])\s+/);
  const timed = sentences.filter((s) => /\d+\s*(?:[–-]\s*\d+\s*)?(?:business |working )?(?:days?|weeks?|días|jours|tage|werktage)\b/i.test(s));
  const hit = timed.find((s) => TOPIC_WORDS[topic].test(s)) ?? timed[0];
  return hit ? hit.trim().slice(0, 240) : null;
}
