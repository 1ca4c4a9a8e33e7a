/**
 * Addresses found in one pass over the text. The patterns they replace
 * (`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}` in prose, `[^sep]+@[^sep]+` as typed) retried
 * every start position and backtracked over every split, so a long word without spaces (Japanese,
 * "a.a.a…") cost quadratic time: 123 ms for 2,000 characters, seconds for a long model reply.
 * Here each "@" is read outwards over the characters around it, and no character is read more than
 * a fixed number of times; `steps` counts the reads so a test can hold the bound.
 */

export interface Found {
  /** [start, end) code-unit offsets, in order, never overlapping */
  spans: Array<[number, number]>;
  /** characters read (a bound on the work: at most a small multiple of the text's length) */
  steps: number;
}

const LOCAL = /^[\p{L}\p{N}._%+-]$/u;
const DOMAIN = /^[\p{L}\p{N}.-]$/u;
const LETTER = /^\p{L}$/u;
// What ends an address as a shopper types it (whitespace included): the typed pattern's separators.
const SEPARATOR = /^[\s<>()[\]{},;:"']$/;

/** Code points with their offsets, so letters outside the BMP count as one character as the u-flag patterns did. */
function codePoints(text: string): { chars: string[]; at: number[] } {
  const chars: string[] = [];
  const at: number[] = [];
  let offset = 0;
  for (const ch of text) {
    chars.push(ch);
    at.push(offset);
    offset += ch.length;
  }
  at.push(offset);
  return { chars, at };
}

/** Addresses as written in prose (the former IN_PROSE pattern's matches, leftmost first). */
export function scanProse(text: string): Found {
  const { chars, at } = codePoints(text);
  const spans: Array<[number, number]> = [];
  let steps = chars.length;
  let taken = 0; // code points before this index belong to an earlier match
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== "@") continue;
    let start = i;
    while (start > taken && LOCAL.test(chars[start - 1]!)) {
      start--;
      steps++;
    }
    if (start === i) continue;
    let runEnd = i + 1;
    while (runEnd < chars.length && DOMAIN.test(chars[runEnd]!)) {
      runEnd++;
      steps++;
    }
    // The rightmost "." (after at least one domain character) followed by two letters or more ends the
    // address after those letters: the split the greedy pattern settled on. `letters` is the run of
    // letters right after k.
    let end = -1;
    let letters = 0;
    for (let k = runEnd - 1; k >= i + 2; k--) {
      steps++;
      if (chars[k] === "." && letters >= 2) {
        end = k + 1 + letters;
        break;
      }
      letters = LETTER.test(chars[k]!) ? letters + 1 : 0;
    }
    if (end < 0) continue;
    spans.push([at[start]!, at[end]!]);
    taken = end;
    i = end - 1;
  }
  return { spans, steps };
}

/**
 * Address-like tokens as a shopper types them: a run of characters between separators holding an
 * "@" with something on both sides (the former typed pattern matched exactly such whole runs).
 */
export function scanTyped(text: string): Found {
  const spans: Array<[number, number]> = [];
  let start = 0;
  let lastAt = -1;
  let earlierAt = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SEPARATOR.test(text[i]!)) {
      if (text[i] === "@") [earlierAt, lastAt] = [lastAt, i];
      continue;
    }
    // An "@" after the run's first character and before its last one (an earlier "@" of the run is before the last).
    if ((lastAt > start && lastAt < i - 1) || earlierAt > start) spans.push([start, i]);
    start = i + 1;
  }
  return { spans, steps: text.length + 1 };
}
