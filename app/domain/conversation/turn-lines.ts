import type { EscalationDecision } from "../escalation";
import { maskSecrets } from "../privacy/mask-secrets";
import type { CustomerFacts } from "../orders";
import type { Language } from "./language";
import { writeMessageMeta, type MessageMeta } from "./message-meta";
import type { TurnRequest } from "./read-message";
import { orderCardPart, productCardPart, quickActionsPart, type ReplyPart } from "./reply-parts";
import type { StoredLine } from "./turn-types";
import type { ChatEvent, TurnResult } from "./types";

/** The core's attachments as typed parts for the widget, in the shopper's language. */
export function replyParts(result: TurnResult, lang: Language): ReplyPart[] | undefined {
  const a = result.attachments;
  if (!a || !result.replies.length) return undefined;
  const parts: ReplyPart[] = [];
  if (a.orderCard) parts.push(orderCardPart(a.orderCard, lang));
  for (const p of a.products?.products ?? []) parts.push(productCardPart(p, a.products!.showVariants, lang));
  if (a.quickActions) parts.push(quickActionsPart(a.quickActions, lang));
  return parts.length ? parts : undefined;
}

/** The shopper's message (with the signals that fired on it) and the replies (with what they said). */
export function storedLines(
  event: ChatEvent,
  request: TurnRequest,
  decision: EscalationDecision,
  result: TurnResult,
  modelMeta: MessageMeta | undefined,
  parts: ReplyPart[] | undefined,
): StoredLine[] {
  const text = event.type === "shopper.message_received" ? maskSecrets(event.text) : "";
  const shopperText = text || (request.action === "talk_to_human" ? PRESSED_BUTTON : "");
  const lines: StoredLine[] = [];
  if (shopperText) {
    const signals = decision.signals.length ? { signals: decision.signals, reasons: decision.reasons } : {};
    lines.push({ role: "shopper", text: shopperText, meta: writeMessageMeta({ ...signals, ...(text ? {} : { pressed: true }) }) });
  }
  const last = result.replies.length - 1;
  result.replies.forEach((reply, n) => {
    const meta: MessageMeta = {
      ...modelMeta,
      ...(result.unhelpful ? { unhelpful: true } : {}),
      ...(result.proofFailed ? { proofFailed: true } : {}),
      ...(result.said[n] ? { said: [result.said[n]!] } : {}),
      ...(n === last && parts ? { parts } : {}),
    };
    lines.push({ role: "assistant", text: reply, meta: writeMessageMeta(meta) });
  });
  return lines;
}

/** How a press of "Talk to a person" without words reads in the transcript. */
export const PRESSED_BUTTON = "[Pressed “Talk to a person”]";

// The case carries the signed customer, or the customer of the order this shopper proved — never
// the customer of an order they only named.
export function caseCustomer(result: TurnResult, signed: CustomerFacts | null): CustomerFacts | null {
  if (signed) return signed;
  const effect = result.effects.find((e) => e.type === "create_case" || e.type === "record_case_without_email");
  return effect && "caseOrder" in effect ? (effect.caseOrder.order?.customer ?? null) : null;
}
