// Frustration rising across turns: each shopper message gets a negativity score (0..1) and the
// trend over the last few messages decides. A calm "where is my order?" followed by "still
// nothing??" and "this is ridiculous" escalates even if no single message is extreme.

/** A rising-frustration finding: trend strength and how many messages it spans. */
export interface FrustrationTrend {
  score: number;
  span: number;
}

/**
 * Scores rising frustration from per-message negativity (oldest first, last = current message).
 * Needs the current message to be clearly negative and higher than where the window started.
 */
export function scoreFrustrationTrend(negativity: readonly number[]): FrustrationTrend | undefined {
  const window = negativity.slice(-4);
  if (window.length < 2) return undefined;
  const last = window[window.length - 1];
  const first = window[0];
  const rise = last - Math.min(...window.slice(0, -1));
  let ups = 0;
  let downs = 0;
  for (let i = 1; i < window.length; i++) {
    if (window[i] > window[i - 1] + 0.05) ups++;
    else if (window[i] < window[i - 1] - 0.05) downs++;
  }
  const sustained = window.slice(-3).every((v) => v >= 0.3);
  if (last < 0.35 || (ups <= downs && !sustained)) return undefined;
  if (window.length === 2 && (last < 0.5 || rise < 0.35)) return undefined;
  const score = Math.min(0.95, 0.5 + Math.max(rise, last - first) * 0.5 + 0.08 * (window.length - 1) + (sustained ? 0.1 : 0));
  return { score, span: window.length };
}
