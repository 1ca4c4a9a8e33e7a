import { findEmailsInProse } from "../email/address";

/**
 * Addresses in prose, read only around each "@": a long run of letters with no "@" (Japanese has
 * no spaces) made the address pattern backtrack for seconds. A window holds a whole address (a
 * 64-character local part, a 255-character domain); one cut short still counts, so it is refused.
 */
export function emailsNearAt(text: string): string[] {
  const found: string[] = [];
  let from = 0;
  let to = -1;
  const flush = () => {
    if (to > from) found.push(...findEmailsInProse(text.slice(from, to)));
  };
  for (const m of text.matchAll(/@/g)) {
    const start = Math.max(0, m.index - 65);
    const end = Math.min(text.length, m.index + 256);
    if (start <= to) to = end;
    else {
      flush();
      from = start;
      to = end;
    }
  }
  flush();
  return found;
}

/** The text with every address in prose replaced by a space (read around each "@", as above). */
export function blankEmailsNearAt(text: string): string {
  let out = text;
  for (const email of emailsNearAt(text)) out = out.split(email).join(" ");
  return out;
}
