// A hashtag written in one lower-case run carries words the rules and the model cannot see: "#neveragain",
// "#worstairline", "#customerservicefail". Issue 26, seventh pass: CamelCase hashtags were already split
// (normalize.ts); these are split here into the likeliest words, by word frequency (the shipped GloVe cut's
// vocabulary, most frequent first: a word of rank r costs log(r + 1) plus a fixed price per word, so one known word
// beats two rarer ones — "#jetblue" stays whole, "#americanair" becomes "american air"). A tag with a piece outside
// the vocabulary ("#smh", "#tbt") is left as it was.
import { BoundedMemo } from "../bounded-memo";
import { committedWordVectors } from "./model/committed-model";

/** A price per word: fewer, commoner words win (log of the vocabulary's size, 43,209 words). */
const WORD_PRICE = Math.log(43_209);
const MAX_TAG = 30;
const MAX_WORD = 20;
const ALPHA_RE = /^[a-z]+$/;

// the same tags come back all day ("#fail", "#customerservice"): each is split once per process
const splits = new BoundedMemo<string, string>(5_000);

/** A word's frequency rank: its row in the shipped vectors, which are stored most frequent first (the model's own index). */
function rankOf(word: string): number | undefined {
  // single letters are words only as "a" and "i"; elsewhere they are noise of the news text
  if (word.length === 1 && word !== "a" && word !== "i") return undefined;
  return committedWordVectors().index.get(word);
}

/** The words of a lower-case hashtag ("neveragain" → "never again"), or the tag itself when it does not split. */
export function splitHashtag(tag: string): string {
  if (tag.length < 6 || tag.length > MAX_TAG || !ALPHA_RE.test(tag)) return tag;
  return splits.remember(tag, split);
}

function split(tag: string): string {
  const n = tag.length;
  // cost[i]: cheapest split of tag[0, i); from[i]: where its last word starts
  const cost = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  cost[0] = 0;
  for (let end = 1; end <= n; end++)
    for (let start = Math.max(0, end - MAX_WORD); start < end; start++) {
      if (cost[start] === Infinity) continue;
      const rank = rankOf(tag.slice(start, end));
      if (rank === undefined) continue;
      const c = cost[start] + Math.log(rank + 1) + WORD_PRICE;
      if (c < cost[end]) {
        cost[end] = c;
        from[end] = start;
      }
    }
  if (cost[n] === Infinity) return tag;
  const words: string[] = [];
  for (let end = n; end > 0; end = from[end]) words.unshift(tag.slice(from[end], end));
  return words.join(" ");
}
