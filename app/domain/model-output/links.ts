// Links in model text. The widget makes URLs clickable, so a link is a recommendation in the
// shop's name: only what the shop published may appear (its policies' pages, tracking links from
// verified order results, its own site and contact page).

import { blankEmailsNearAt } from "./emails-near-at";

export interface LinkPolicy {
  /** Exact URLs the shop published this turn (policy pages, tracking links of verified orders). */
  published: readonly string[];
  /** The shop's own hosts (storefront domain, contact page): plain pages there are fine. */
  shopHosts: readonly string[];
}

const TLDS =
  "com|net|org|io|co|shop|store|example|info|biz|xyz|me|app|link|ly|us|uk|de|fr|es|it|pt|ca|au|ru|cn|top|site|online|click|page|dev|ai|gl|gy|to|cc|ws" +
  "|su|tk|ml|eu|nl|be|ch|jp|br|mx|in|pl|se|no|dk|fi|ie|nz|za|tv|live|xyz|zip|mov";
// A bare domain starts where a run of label characters starts, with labels of at most 63 characters:
// unbounded, a 4,000-character "a-a-a-…" made the pattern backtrack for a second.
const URL_LIKE = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)[^\s<>()"'\]\[]+|(?<![a-z0-9.-])(?:[a-z0-9-]{1,63}\.){1,10}(?:${TLDS})\b(?::\d+)?(?:\/[^\s<>()"'\]\[]*)?`,
  "gi",
);

/** host + path + query, lower-case host, no scheme, "www.", trailing slash or punctuation. */
export function normalizeUrl(url: string): { host: string; rest: string; key: string } | null {
  const trimmed = url.trim().replace(/[.,;:!?…)]+$/, "");
  const m = /^(?:https?:\/\/)?([^/?#\s]+)([^\s]*)$/i.exec(trimmed);
  if (!m) return null;
  const host = m[1]!
    .toLowerCase()
    .replace(/^www\./, "")
    .replace(/:\d+$/, "");
  const rest = m[2]!.replace(/\/+$/, "").replace(/\/(?=[?#])/, "");
  return { host, rest, key: `${host}${rest}` };
}

/** URL-like strings in the text (scheme, "www." or a bare domain), emails excluded. */
export function findLinks(text: string): string[] {
  return [...blankEmailsNearAt(text).matchAll(URL_LIKE)].map((m) => m[0]);
}

/** Links the shop did not publish (or that carry data: a query string or long token on its own site). */
export function foreignLinks(text: string, policy: LinkPolicy): string[] {
  const published = new Set(policy.published.map((u) => normalizeUrl(u)?.key).filter(Boolean));
  const hosts = new Set(policy.shopHosts.map((h) => normalizeUrl(h)?.host).filter(Boolean));
  const foreign: string[] = [];
  for (const link of findLinks(text)) {
    const n = normalizeUrl(link);
    if (!n) continue;
    if (published.has(n.key)) continue;
    const plainPage = !/[?#=%@]/.test(n.rest) && n.rest.length <= 80 && !/[A-Za-z0-9_-]{20,}/.test(n.rest);
    if (hosts.has(n.host) && plainPage) continue;
    foreign.push(link);
  }
  return foreign;
}
