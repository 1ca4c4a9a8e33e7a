// Pure text helpers for the panel.

export const MAX_MESSAGE = 2000;

/** Replaces `{name}` placeholders (single braces, so Liquid's `t` filter leaves them alone). */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in vars ? String(vars[k]) : all));
}

/** Deliberately simple: one @, no spaces, a dot in the domain, a 2+ letter TLD. The server validates again. */
export function isValidEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/.test(value);
}

/** The last email address mentioned in a text (the assistant's confirmation names the reply-to address). */
export function findEmail(text: string): string | undefined {
  const all = text.match(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi);
  return all ? all[all.length - 1] : undefined;
}

/**
 * Splits plain text into text and http(s) link parts, so links can be rendered as <a> elements
 * while everything else stays a text node (never HTML). Trailing punctuation stays outside the link.
 */
export function splitLinks(text: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, "");
    const start = m.index!;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** What a link in a reply shows: "tools.usps.com/go/TrackConf…" rather than a URL wrapping over three lines. */
export function shortUrl(url: string): string {
  const s = url.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, "");
  return s.length > 32 ? s.slice(0, 30) + "…" : s;
}
