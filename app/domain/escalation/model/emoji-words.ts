// Emoji carry the tone of a tweet ("my order is late again 😡"), but normalizeText drops every
// non-word character, so the rules and the n-grams never see them. For the learned model only,
// each emoji of a tone family becomes the word a writer would have used; the word's vector and
// n-grams then carry it. The rules keep reading the plain text.
import type { NormalizedText } from "../normalize";

const EMOJI_WORDS: Record<string, string> = {
  "😡": "angry",
  "😠": "angry",
  "🤬": "furious",
  "👿": "angry",
  "😤": "frustrated",
  "🙄": "annoyed",
  "😒": "annoyed",
  "😑": "annoyed",
  "🤦": "facepalm",
  "👎": "bad",
  "💩": "crap",
  "🖕": "fuck",
  "😢": "sad",
  "😭": "crying",
  "😞": "disappointed",
  "😔": "disappointed",
  "😩": "tired",
  "😫": "tired",
  "😱": "shocked",
  "😬": "awkward",
  "🤔": "wondering",
  "😂": "laughing",
  "🤣": "laughing",
  "😊": "happy",
  "🙂": "happy",
  "😀": "happy",
  "😁": "happy",
  "😃": "happy",
  "😄": "happy",
  "😍": "love",
  "🥰": "love",
  "❤": "love",
  "💕": "love",
  "👍": "good",
  "🙏": "thanks",
  "🎉": "celebrate",
};

const PICTOGRAPH_RE = /\p{Extended_Pictographic}/u;
const EACH_RE = /\p{Extended_Pictographic}/gu;

/** The message's tokens plus one word per tone emoji (in order of appearance); the same array when there are none. */
export function modelTokens(message: NormalizedText): readonly string[] {
  if (!PICTOGRAPH_RE.test(message.raw)) return message.tokens;
  const words: string[] = [];
  for (const [emoji] of message.raw.matchAll(EACH_RE)) {
    const word = EMOJI_WORDS[emoji];
    if (word) words.push(word);
  }
  return words.length ? [...message.tokens, ...words] : message.tokens;
}
