import { unsupportedFigure, type FigureRefusal } from "./catalogue-figures";
import { findClaim } from "./claims";
import { foreignIdentifiers, hasEncodedPayload } from "./identifiers";
import { foreignLinks, type LinkPolicy } from "./links";
import { asksForSecret } from "./secret-requests";

export { findClaim, foldText, GUARD_LANGUAGES } from "./claims";
export { asksForSecret } from "./secret-requests";
export { foreignIdentifiers, hasEncodedPayload, normalizeIdentifiers } from "./identifiers";
export { foreignLinks, type LinkPolicy } from "./links";

// Pure checks on model output before a shopper sees it. Model text is untrusted: it may have been
// steered by shopper text (prompt injection) or simply be wrong. No I/O here; unit-tested beside.

/** Why a model reply was refused (recorded on the turn, never shown to the shopper). */
export type GuardVerdict = { ok: true; text: string } | { ok: false; reason: GuardRefusal };

export type GuardRefusal =
  | "empty"
  | "escalation_claim"
  /** A refund, store credit, replacement, cancellation, unpublished discount, address change or delivery guarantee. */
  | "commitment"
  /** It asks for a card number, security code, expiry date, bank login, password or one-time code. */
  | "secret_request"
  | "prompt_leak"
  | "data_egress"
  | "encoded_payload"
  | "foreign_link"
  /** A price or stock count no tool result (nor the shopper) gave, or a restock promise. */
  | FigureRefusal;

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
  /** Links the shop published and its own hosts; anything else is refused (default: none). */
  links?: LinkPolicy;
  /** Verified tool results of this turn: a really cancelled or refunded order may be described as such. */
  evidence?: string;
  /** The shop's own texts (policies, contact details): a discount code they publish may be quoted. Never the shopper's words. */
  published?: readonly string[];
}

const MAX_REPLY_CHARS = 1200;
// Work on model text is bounded: nothing past this is even looked at (a 54 KB reply would
// otherwise cost the event loop seconds).
export const MAX_MODEL_TEXT_CHARS = 4000;

/** Plain text only: no HTML, no control or invisible format characters, bounded length. */
export function sanitizeModelText(text: string, max = MAX_REPLY_CHARS): string {
  const clean = text
    .slice(0, MAX_MODEL_TEXT_CHARS)
    .normalize("NFKC")
    .replace(/<\/?[a-z!][^>]*>/gi, " ")
    .replace(/[<>]/g, "")
    // Markdown links become "text (url)", so the URL is checked and shown as what it is.
    .replace(/!?\[([^\]]{0,200})\]\(([^)\s]{1,500})\)/g, "$1 ($2)")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, " ")
    .replace(/\p{Cf}/gu, "")
    .replace(/[ \t]+/g, " ")
    .replace(/ +([.,!?;:])/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return clipAtBoundary(clean, max);
}

/** Cut at the last sentence end before `max` (else the last word, with "…"): never mid-word. */
export function clipAtBoundary(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  let end = -1;
  for (const m of cut.matchAll(/[.!?…](?=\s)|[。！？]/g)) end = m.index! + m[0].length;
  if (end >= max * 0.5) return cut.slice(0, end).trim();
  const space = cut.search(/\s\S*$/);
  return `${(space > 0 ? cut.slice(0, space) : cut).trim()}…`;
}

/** The reply claims an escalation, email or hand-off already happened or will happen. */
export function claimsEscalation(text: string): boolean {
  return findClaim(text) === "handoff";
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

const SPAN_WORDS = 12;
// The prompt is the same for many turns: its 12-word spans are computed once per distinct prompt.
let spansOf: { prompt: string; spans: string[] } | null = null;
function promptSpans(systemPrompt: string): string[] {
  if (spansOf?.prompt !== systemPrompt) {
    const prompt = words(systemPrompt);
    const spans: string[] = [];
    for (let i = 0; i + SPAN_WORDS <= prompt.length; i += 3) spans.push(` ${prompt.slice(i, i + SPAN_WORDS).join(" ")} `);
    spansOf = { prompt: systemPrompt, spans };
  }
  return spansOf.spans;
}

/** The reply repeats the canary or a long verbatim span (12+ words) of the system prompt. */
export function leaksPrompt(text: string, systemPrompt: string, canary: string): boolean {
  const flat = text.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (flat.includes(canary.toLowerCase().replace(/[^a-z0-9]/g, ""))) return true;
  const reply = ` ${words(text).join(" ")} `;
  return promptSpans(systemPrompt).some((span) => reply.includes(span));
}

/** Runs every output check; returns the cleaned text or why the reply was refused. */
export function guardModelReply(input: GuardInput): GuardVerdict {
  const text = sanitizeModelText(input.text);
  if (!text) return { ok: false, reason: "empty" };
  if (leaksPrompt(text, input.systemPrompt, input.canary)) return { ok: false, reason: "prompt_leak" };
  return checkText(text, input.text, input, "shopper");
}

export interface TeamTextInput {
  text: string;
  /** What the chat already contains (transcript, verified tool results, public contact details). */
  allowed: readonly string[];
  links?: LinkPolicy;
  max: number;
}

/**
 * Model text the support team reads (the escalation reason, the case summary): the same checks
 * as a shopper reply, plus no claims of authority ("identity verified", "manager pre-approved").
 * Null when refused: the caller uses its own words instead.
 */
export function guardTeamText(input: TeamTextInput): string | null {
  const text = sanitizeModelText(input.text, input.max).replace(/\s*\n+\s*/g, " ");
  if (!text) return null;
  return checkText(text, input.text, { allowed: input.allowed, links: input.links }, "team").ok ? text : null;
}

function checkText(
  text: string,
  rawInput: string,
  input: Pick<GuardInput, "allowed" | "links" | "evidence" | "published">,
  audience: "shopper" | "team",
): GuardVerdict {
  // Checked before and after sanitising: an identifier hidden in markup (a mailto: link) still
  // marks the whole reply as steered, even though stripping would remove the identifier itself.
  const raw = rawInput
    .slice(0, MAX_MODEL_TEXT_CHARS)
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "");
  const rawDiffers = raw.trim() !== text;
  if (foreignIdentifiers(text, input.allowed).length > 0 || (rawDiffers && foreignIdentifiers(raw, input.allowed).length > 0))
    return { ok: false, reason: "data_egress" };
  if (hasEncodedPayload(text, input.allowed)) return { ok: false, reason: "encoded_payload" };
  const links = input.links ?? { published: [], shopHosts: [] };
  if (foreignLinks(text, links).length > 0 || (rawDiffers && foreignLinks(raw, links).length > 0)) return { ok: false, reason: "foreign_link" };
  // The team's text may report that a shopper was asked for a code; a shopper is never asked.
  if (audience === "shopper" && asksForSecret(text)) return { ok: false, reason: "secret_request" };
  const claim = findClaim(text, { audience, evidence: input.evidence, published: input.published?.join("\n") });
  if (claim === "handoff") return { ok: false, reason: "escalation_claim" };
  if (claim) return { ok: false, reason: "commitment" };
  const figure = unsupportedFigure(text, input.allowed);
  if (figure) return { ok: false, reason: figure };
  return { ok: true, text };
}
