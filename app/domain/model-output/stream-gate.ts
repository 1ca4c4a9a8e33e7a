import type { GuardVerdict } from "./output-guard";

const MAX_STREAMED_CHARS = 1200;

/**
 * The reply text inside a model answer that is still arriving. The model is asked for
 * `{"reply": "...", "confidence": 0.9}`; some servers answer plain text instead. Returns the
 * decoded reply so far ("" while the reply field has not started, or when the content is not
 * an answer yet).
 */
export function partialReply(content: string): string {
  const body = content.trimStart().replace(/^```(?:json)?\s*/i, "");
  if (!body) return "";
  if (!body.startsWith("{")) return body.replace(/\s*`{1,3}$/, "");
  const field = /"reply"\s*:\s*"/.exec(body);
  if (!field) return "";
  return decodeJsonStringPrefix(body.slice(field.index + field[0].length));
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** Decodes a JSON string body up to its closing quote or the end of what has arrived. */
function decodeJsonStringPrefix(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') return out;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = s[i + 1];
    if (e === undefined) return out; // the escape is cut: wait for the next chunk
    if (e === "u") {
      const hex = s.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return out;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
    } else {
      out += ESCAPES[e] ?? e;
      i += 1;
    }
  }
  return out;
}

/** The part of `text` up to its last sentence or line end (what may be shown before the rest). */
export function completeSentences(text: string): string {
  let end = -1;
  // Chinese and Japanese end sentences with 。！？ and no space after them.
  for (const m of text.matchAll(/[.!?…](?=\s)|[。！？]|\n/g)) end = m.index! + m[0].length;
  return end < 0 ? "" : text.slice(0, end);
}

/**
 * Releases streamed reply text to the shopper one complete sentence at a time, and only while the
 * output guard accepts everything released so far (judged on the whole prefix, so a leak split
 * across sentences is still caught). After the first refusal it releases nothing more; the final
 * answer then replaces what was shown.
 */
export class StreamGate {
  private released = "";
  private refused = false;

  constructor(
    private readonly guard: (text: string) => GuardVerdict,
    private readonly emit: (text: string) => void,
  ) {}

  /** Feed the reply text received so far. */
  offer(replySoFar: string): void {
    if (this.refused) return;
    // Bounded work per chunk: nothing past the reply cap is shown, so it is not re-checked either.
    const ready = completeSentences(replySoFar.slice(0, MAX_STREAMED_CHARS));
    if (ready.length <= this.released.length) return;
    const verdict = this.guard(ready);
    if (!verdict.ok) {
      this.refused = true;
      return;
    }
    // The guard may clean the text (HTML, control characters); release the cleaned continuation.
    const cleaned = verdict.text;
    if (!cleaned.startsWith(this.released)) {
      this.refused = true;
      return;
    }
    const fresh = cleaned.slice(this.released.length);
    this.released = cleaned;
    if (fresh) this.emit(fresh);
  }

  /** The whole reply is known and passed the guard: release what is left of it. */
  finish(finalText: string): void {
    if (this.refused || !finalText.startsWith(this.released)) return;
    const fresh = finalText.slice(this.released.length);
    this.released = finalText;
    if (fresh) this.emit(fresh);
  }

  /** Text shown to the shopper so far. */
  get shown(): string {
    return this.released;
  }
}
