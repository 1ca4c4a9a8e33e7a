import { normalizeText, type NormalizedText } from "./normalize";

// The merchant's own trigger words ("refund", "legal", "wholesale"). Matched on normalized text
// and whole words, so "legal" matches "LEGAL!" and "légal" but not "illegally".

/** A compiled keyword list; build once per settings object and reuse. */
export type KeywordMatcher = (message: NormalizedText) => string | undefined;

const cache = new WeakMap<readonly string[], KeywordMatcher>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiles merchant keywords into a matcher returning the first keyword found. Cached per list. */
export function compileKeywords(keywords: readonly string[]): KeywordMatcher {
  const cached = cache.get(keywords);
  if (cached) return cached;
  const entries = keywords
    .map((keyword) => ({ keyword, needle: normalizeText(keyword).tokens.join(" ") }))
    .filter((e) => e.needle.length > 0)
    .map((e) => ({ keyword: e.keyword, pattern: new RegExp(` ${escapeRegExp(e.needle)}(?:s|es)? `) }));
  const matcher: KeywordMatcher = (message) => entries.find((e) => e.pattern.test(message.text))?.keyword;
  cache.set(keywords, matcher);
  return matcher;
}
