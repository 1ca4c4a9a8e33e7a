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
 * Splits plain text into text and link parts, so links can be rendered as <a> elements while
 * everything else stays a text node (never HTML): http(s) URLs, email addresses (mailto:) and phone
 * numbers (tel:) — the store's contact details the assistant gives when a person cannot be reached.
 * A phone number is 7–15 digits that start with + or ( or hold separators, so order numbers (#1042)
 * and tracking numbers (one run of digits) stay text. Trailing punctuation stays outside the link.
 */
export function splitLinks(text: string): Array<{ text: string; href?: string }> {
  const parts: Array<{ text: string; href?: string }> = [];
  let last = 0;
  const found = /https?:\/\/[^\s<>"]+|[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}|(?<![\w#])(?:\+|\()?\d[\d ().-]{5,}\d(?!\w)/gi;
  for (const m of text.matchAll(found)) {
    let raw = m[0].replace(/[.,;:!?\]]+$/, "");
    // A closing parenthesis belongs to the link only when the link opened one: "(http://a.b)".
    if (raw.endsWith(")") && raw.split("(").length < raw.split(")").length) raw = raw.slice(0, -1).replace(/[.,;:!?\]]+$/, "");
    const start = m.index!;
    let href: string | undefined;
    if (/^https?:/i.test(raw)) href = raw;
    else if (raw.includes("@")) href = "mailto:" + raw;
    else {
      const digits = raw.replace(/\D/g, "");
      const phoneLike = /^[+(]/.test(raw) || /[ ().-]/.test(raw);
      const date = /^\d{4}-\d\d-\d\d/.test(raw);
      if (digits.length >= 7 && digits.length <= 15 && phoneLike && !date) href = "tel:" + (raw.startsWith("+") ? "+" : "") + digits;
    }
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** What a link in a reply shows: "tools.usps.com/go/TrackConf…" rather than a URL wrapping over three lines. */
export function shortUrl(url: string): string {
  const s = url.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, "");
  return s.length > 32 ? s.slice(0, 30) + "…" : s;
}
