// Helpers that turn the lexicons' word lists into RegExp sources. Patterns are compiled once, when
// a signal module loads; the helpers only join strings, so a list reads as the words it matches.

/** `(?:a|b|c)`: one of the alternatives, as a non-capturing group. */
export function oneOf(...alternatives: string[]): string {
  return `(?:${alternatives.join("|")})`;
}

/** `a|b|c`: alternatives without a group (a whole pattern, or the body of a look-around). */
export function either(...alternatives: string[]): string {
  return alternatives.join("|");
}

/** A whole-word pattern over the alternatives: `\b(?:a|b|c)\b`. */
export function wordsPattern(alternatives: readonly string[], flags?: string): RegExp {
  return new RegExp(`\\b(?:${alternatives.join("|")})\\b`, flags);
}
