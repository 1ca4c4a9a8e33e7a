import type { Money } from "../orders/facts";
import { isBareEmail } from "./address";
import { EN } from "./labels/en";
import { statusWord } from "./localized-format";

// Small formatting helpers shared by the escalation email, the case summary and the admin. Pure and
// machine-independent: the same case reads the same whatever machine composes it (the email's
// language- and zone-aware formats are in localized-format.ts).

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function toDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "Feb 20, 2026" in UTC; "" for a missing or unparseable date. */
export function formatDay(iso: string | null | undefined): string {
  const d = toDate(iso);
  return d ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}` : "";
}

/** Shopify's OrderDisplayFinancialStatus in English words ("PARTIALLY_REFUNDED" → "Partially refunded"). */
export function humanFinancialStatus(status: string | null | undefined): string {
  return statusWord(EN.financial, status, EN.unknown);
}

/** Shopify's OrderDisplayFulfillmentStatus in English words ("FULFILLED" → "Fulfilled"). */
export function humanFulfillmentStatus(status: string | null | undefined): string {
  return statusWord(EN.fulfillmentStatus, status, EN.unknown);
}

/** A fulfilment's FulfillmentDisplayStatus in English words ("IN_TRANSIT" → "In transit"); "" when none. */
export function humanShipmentStatus(status: string | null | undefined): string {
  return status ? statusWord(EN.shipmentStatus, status, "") : "";
}

/** "74.50 USD"; "" when unknown. */
export function formatMoney(money: Money | null | undefined): string {
  if (!money) return "";
  const n = Number(money.amount);
  const amount = Number.isFinite(n) ? n.toFixed(2) : money.amount;
  return `${amount} ${money.currencyCode}`.trim();
}

/**
 * The URL, normalised, when it is an absolute http(s) URL without credentials; otherwise null.
 * Anything else (`javascript:`, `data:`, relative, garbage) is never turned into a link.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed) || /[\u0000-\u0020\u007f]/.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

// C0/C1 controls, DEL and the Unicode line/paragraph separators: any of them in a header value
// could end the header (CR/LF) or confuse a mail client's parser.
const HEADER_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Bidi overrides and zero-width characters can disguise text in a subject or transcript.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A single-line header value: control characters become spaces, runs of spaces collapse. */
export function sanitizeHeaderValue(value: string): string {
  return value.replace(HEADER_UNSAFE, " ").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/** Truncates to at most `max` characters (code points, never half a surrogate pair), adding "…". */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join("")
    .trimEnd()}…`;
}

/** Body text: newlines normalised to "\n", other control characters (but tab) removed. */
export function cleanBodyText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")
    .replace(INVISIBLE, "")
    .replace(/[\u2028\u2029]/g, "\n");
}

/** A bare, header-safe email address, or "" when the value is not one. */
export function cleanAddress(value: string | null | undefined): string {
  if (!value) return "";
  const v = sanitizeHeaderValue(value);
  return isBareEmail(v) ? v : "";
}

/** "<fromName> <address from MAIL_FROM>": the merchant's sender name on our verified address. */
export function formatFrom(fromName: string, mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const name = fromName.replace(/["\r\n<>]/g, "").trim();
  return name ? `"${name}" <${address}>` : address;
}
