// Pure checks on model output before a shopper sees it. Model text is untrusted: it may have been
// steered by shopper text (prompt injection) or simply be wrong. No I/O here; unit-tested beside.

/** Why a model reply was refused (recorded on the turn, never shown to the shopper). */
export type GuardVerdict =
  | { ok: true; text: string }
  | { ok: false; reason: "empty" | "escalation_claim" | "prompt_leak" | "data_egress" | "encoded_payload" };

export interface GuardInput {
  /** The model's reply as it came back. */
  text: string;
  /** The system prompt sent this turn (for verbatim-span checks). */
  systemPrompt: string;
  /** The secret marker planted in the system prompt. */
  canary: string;
  /**
   * Text this shopper may see again: their own messages, earlier (already guarded) assistant
   * replies, verified tool results of this turn, the store's public contact details.
   */
  allowed: readonly string[];
}

const MAX_REPLY_CHARS = 1200;

/** Plain text only: no HTML, no control or invisible format characters, bounded length. */
export function sanitizeModelText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/<\/?[a-z!][^>]*>/gi, " ")
    .replace(/[<>]/g, "")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, " ")
    .replace(/\p{Cf}/gu, "")
    .replace(/[ \t]+/g, " ")
    .replace(/ +([.,!?;:])/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_REPLY_CHARS);
}

// "I've escalated / forwarded / emailed / passed this to the team", "a human will contact you",
// in the languages the detector knows. The pure core says these words itself when it really
// creates a case; the model never may.
const ESCALATION_CLAIMS: RegExp[] = [
  /\b(?:i(?:'ve| have)?|we(?:'ve| have)?|i'll|i will|i am|i'm)\s+(?:just\s+|now\s+|already\s+)?(?:escalat|forward|email|e-mail|pass|hand|sen[dt]|notif|contact|alert|transferr?|submitt?|open|creat|fil|raise|log)\w*\b[^.!?]{0,60}\b(?:team|agent|human|person|staff|support|manager|colleague|case|ticket|request)/i,
  /\b(?:your|the|this)\s+(?:case|ticket|request|issue|complaint)\s+(?:has been|was|is being|is now|have been)\s+(?:escalat|forward|sent|pass|hand|creat|open|submitt|transferr|log|raised)/i,
  /\b(?:someone|a (?:human|person|team member|member of (?:our|the) team|colleague|manager|agent)|(?:our|the) (?:support )?team)\s+(?:will|is going to|shall)\s+(?:be in touch|get back|contact|reach|email|call|reply|respond)/i,
  /\b(?:j'ai|nous avons)\s+(?:transmis|transféré|envoyé|escaladé|fait suivre)\b/i,
  /\b(?:he|hemos)\s+(?:enviado|reenviado|escalado|transferido|pasado)\b/i,
  /\bhabe\s+(?:ihr(?:en)?|den|die|das)?\s*\w*\s*(?:weitergeleitet|eskaliert|gesendet|übergeben)\b/i,
  /\b(?:ich|wir)\s+(?:habe|haben)\s+[^.!?]{0,40}(?:weitergeleitet|eskaliert|übergeben)\b/i,
];

/** The reply claims an escalation, email or hand-off already happened or will happen. */
export function claimsEscalation(text: string): boolean {
  return ESCALATION_CLAIMS.some((re) => re.test(text));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const ORDER_NUMBER = /(?:#\s?|\b(?:order|commande|pedido|bestellung)\s*(?:number|no\.?|nr\.?|n[º°o]\.?|num[eé]ro)?\s*#?\s*)(\d{3,10})\b/giu;
// Tracking and other long identifiers: 8+ characters with at least 6 digits (1Z999AA10123456784, 9400111899223847563).
const LONG_ID = /\b(?=[A-Z0-9]*\d(?:[A-Z0-9]*\d){5})[A-Z0-9]{8,40}\b/giu;
const LONG_TOKEN = /[A-Za-z0-9+/=_-]{28,}/g;

function words(text: string): string[] {
  return text.toLowerCase().normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter(Boolean);
}

/** The reply repeats the canary or a long verbatim span (12+ words) of the system prompt. */
export function leaksPrompt(text: string, systemPrompt: string, canary: string): boolean {
  const flat = text.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (flat.includes(canary.toLowerCase().replace(/[^a-z0-9]/g, ""))) return true;
  const span = 12;
  const prompt = words(systemPrompt);
  if (prompt.length < span) return false;
  const reply = ` ${words(text).join(" ")} `;
  for (let i = 0; i + span <= prompt.length; i += 3) {
    if (reply.includes(` ${prompt.slice(i, i + span).join(" ")} `)) return true;
  }
  return false;
}

/**
 * Identifiers (emails, order numbers, tracking numbers) in the reply that appear nowhere in what
 * this shopper may see: those would be another shopper's data (or invented), so the reply is refused.
 */
export function foreignIdentifiers(text: string, allowed: readonly string[]): string[] {
  const corpus = allowed.join("\n").normalize("NFKC").toLowerCase();
  const digitsCorpus = corpus.replace(/[^a-z0-9]/g, "");
  const foreign: string[] = [];
  for (const m of text.matchAll(EMAIL)) if (!corpus.includes(m[0].toLowerCase())) foreign.push(m[0]);
  for (const m of text.matchAll(ORDER_NUMBER)) if (!new RegExp(`(?:#|\\D)${m[1]}(?:\\D|$)`).test(` ${corpus} `)) foreign.push(`#${m[1]}`);
  for (const m of text.matchAll(LONG_ID)) if (!digitsCorpus.includes(m[0].toLowerCase())) foreign.push(m[0]);
  return foreign;
}

/** A long token that is not in the allowed text and decodes (base64/hex) to readable text: a smuggling attempt. */
export function hasEncodedPayload(text: string, allowed: readonly string[]): boolean {
  const corpus = allowed.join("\n");
  for (const m of text.matchAll(LONG_TOKEN)) {
    const token = m[0];
    if (corpus.includes(token) || /^https?/i.test(token)) continue;
    const decoded = /^[0-9a-f]+$/i.test(token) && token.length % 2 === 0
      ? Buffer.from(token, "hex").toString("latin1")
      : Buffer.from(token.replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("latin1");
    const printable = decoded.replace(/[^\x20-\x7E]/g, "").length;
    if (decoded.length >= 12 && printable / decoded.length > 0.85) return true;
  }
  return false;
}

/** Runs every output check; returns the cleaned text or why the reply was refused. */
export function guardModelReply(input: GuardInput): GuardVerdict {
  const text = sanitizeModelText(input.text);
  if (!text) return { ok: false, reason: "empty" };
  if (leaksPrompt(text, input.systemPrompt, input.canary)) return { ok: false, reason: "prompt_leak" };
  // Checked before and after sanitising: an identifier hidden in markup (a mailto: link) still
  // marks the whole reply as steered, even though stripping would remove the identifier itself.
  const raw = input.text.normalize("NFKC").replace(/\p{Cf}/gu, "");
  if (foreignIdentifiers(text, input.allowed).length > 0 || foreignIdentifiers(raw, input.allowed).length > 0) return { ok: false, reason: "data_egress" };
  if (hasEncodedPayload(text, input.allowed)) return { ok: false, reason: "encoded_payload" };
  if (claimsEscalation(text)) return { ok: false, reason: "escalation_claim" };
  return { ok: true, text };
}
