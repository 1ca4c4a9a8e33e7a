import escapeHtml from "escape-html";
import { labelReason, type Priority } from "../escalation";
import { cleanAddress, safeHttpUrl, sanitizeHeaderValue, truncate } from "./format";
import type { ComposedEmail, EscalationCaseView, TranscriptLine } from "./types";
import { caseFacts, oneLine, PRIORITY_LABEL } from "./case-facts";
import { block, footer, page, renderHtml, section, transcriptHtml } from "./render-html";
import { RULE, renderText, transcriptText } from "./render-text";

/** Longest subject we send; longer ones are cut with "…" (mail clients show ~80 anyway). */
export const SUBJECT_MAX = 200;

/** How a case's reason marks the model's own escalation note (set by vetModelEscalation). */
export const MODEL_NOTE_PREFIX = "Assistant's note: ";

/** What a case subject is built from (stored case columns or a case view). */
export interface SubjectFacts {
  priority: Priority;
  /** The proven order's name ("#1043"); never an order the shopper did not prove. */
  orderName: string | null | undefined;
  reasonText: string | null | undefined;
  customerName: string | null | undefined;
  shopperEmail: string | null | undefined;
}

/**
 * The case subject an agent can triage from the inbox: "[URGENT] #1043 · not shipped after 9 days ·
 * Mike Chen" — the proven order, the reason's first clause, the customer's name (else their email).
 * Header-safe and capped.
 */
export function caseSubject(c: SubjectFacts): string {
  const who = sanitizeHeaderValue(c.customerName ?? "") || sanitizeHeaderValue(c.shopperEmail ?? "");
  const reason = subjectReason(c.reasonText);
  const parts = [c.orderName ? sanitizeHeaderValue(c.orderName) : "Escalation", reason, who].filter(Boolean);
  const subject = `${c.priority === "urgent" ? "[URGENT] " : ""}${parts.join(" · ")}`;
  return truncate(sanitizeHeaderValue(subject), SUBJECT_MAX);
}

/** The reason's first clause in a subject's words: "Shopper asks for a person; …" → "asks for a person". */
function subjectReason(reasonText: string | null | undefined): string {
  // The model's note is its own words: the subject (what an agent triages by) never carries it.
  if (reasonText?.startsWith(MODEL_NOTE_PREFIX)) return "assistant requested a person";
  const first = sanitizeHeaderValue(reasonText ?? "")
    .split(";")[0]!
    .trim()
    .replace(/^Shopper\s+/i, "");
  const text = first ? first.charAt(0).toLowerCase() + first.slice(1) : "asked to talk to a person";
  return truncate(text.replace(/[.!]+$/, ""), 70);
}

/** The subject of a case's email. */
export function escalationSubject(view: Pick<EscalationCaseView, "priority" | "order" | "shopperEmail" | "reasonText" | "customer">): string {
  return caseSubject({
    priority: view.priority,
    orderName: view.order?.name,
    reasonText: view.reasonText,
    customerName: view.customer?.displayName,
    shopperEmail: view.shopperEmail,
  });
}

/** The subject of a follow-up in a case's thread: "Re: <case subject>". */
export function followUpSubject(c: SubjectFacts): string {
  return truncate(`Re: ${caseSubject(c)}`, SUBJECT_MAX);
}

/**
 * Headers every Baton email carries (single-line values). Exported so the outbox can rebuild them
 * for a stored row: the OutboxEmail table has no column for headers.
 */
export function batonHeaders(c: {
  caseId: string | null;
  priority: Priority | null;
  kind: "case" | "followup" | "test" | "data_request";
}): Record<string, string> {
  const headers: Record<string, string> = {};
  if (c.caseId) headers["X-Baton-Case"] = sanitizeHeaderValue(c.caseId);
  headers["X-Baton-Kind"] = c.kind;
  // RFC 3834: tells auto-responders (out-of-office, help desks) not to answer a machine.
  headers["Auto-Submitted"] = "auto-generated";
  if (c.priority === "urgent" || c.priority === "high") {
    headers["X-Priority"] = "1";
    headers.Importance = "high";
  }
  return headers;
}

function baseHeaders(view: EscalationCaseView, kind: "case" | "followup"): Record<string, string> {
  return batonHeaders({ caseId: view.caseId, priority: view.priority, kind });
}

function cleanMessageId(id: string): string {
  const bare = sanitizeHeaderValue(id).replace(/[\s<>]/g, "");
  return `<${bare}>`;
}

function envelope(view: EscalationCaseView) {
  return {
    from: sanitizeHeaderValue(view.from),
    to: view.to.map(cleanAddress).filter(Boolean),
    cc: view.cc.map(cleanAddress).filter(Boolean),
    replyTo: cleanAddress(view.shopperEmail),
  };
}

/**
 * The escalation email for a case: subject, Reply-To the shopper, text and HTML parts with the
 * reason, order and customer facts, a summary, the full transcript and a link to the case.
 * Every header value is single-line and every shopper/order/merchant string is escaped in HTML.
 */
export function composeEscalationEmail(view: EscalationCaseView): ComposedEmail {
  const subject = escalationSubject(view);
  const facts = caseFacts(view);
  return {
    ...envelope(view),
    subject,
    text: renderText(view, facts),
    html: renderHtml(subject, view, facts),
    messageId: cleanMessageId(view.messageId),
    headers: baseHeaders(view, "case"),
  };
}

/**
 * A follow-up in the case's thread: the shopper's new messages (and the assistant's replies) since
 * the last email, a one-line reminder of the case, and the admin link. Threaded with
 * In-Reply-To/References on the case's Message-ID.
 */
export function composeFollowUpEmail(view: EscalationCaseView, newLines: TranscriptLine[], followUpMessageId: string): ComposedEmail {
  const subject = `Re: ${escalationSubject(view)}`.slice(0, SUBJECT_MAX);
  const reminder = caseReminder(view);
  const email = cleanAddress(view.shopperEmail) || sanitizeHeaderValue(view.shopperEmail);
  const count = newLines.filter((l) => l.role === "shopper").length;
  const intro = `${email || "The shopper"} wrote ${count === 1 ? "a new message" : `${count} new messages`} on this case.`;
  const adminUrl = safeHttpUrl(view.adminCaseUrl);
  const shopName = sanitizeHeaderValue(view.shop.name) || view.shop.domain;

  const text = [
    intro,
    "(Reply to this email to respond directly to the customer)",
    "",
    `Case: ${reminder}`,
    "",
    "NEW MESSAGES:",
    "",
    ...transcriptText(newLines),
    RULE,
    `Sent by Baton for ${shopName} · ${view.shop.domain}`,
    ...(adminUrl ? [`View the case in Baton: ${adminUrl}`] : []),
    "",
  ].join("\n");

  const html = page(
    subject,
    intro,
    [
      block(
        `<p style="margin:0 0 6px 0;font-size:15px;">${escapeHtml(intro)}</p>` +
          `<p style="margin:0 0 6px 0;color:#6d7175;">Reply to this email to respond directly to the customer.</p>` +
          `<p style="margin:0;"><strong>Case:</strong> ${escapeHtml(reminder)}</p>`,
      ),
      section("New messages", transcriptHtml(newLines)),
      footer(view, adminUrl),
    ].join(""),
  );

  return {
    ...envelope(view),
    subject,
    text,
    html,
    messageId: cleanMessageId(followUpMessageId),
    inReplyTo: cleanMessageId(view.messageId),
    references: [cleanMessageId(view.messageId)],
    headers: baseHeaders(view, "followup"),
  };
}

function caseReminder(view: EscalationCaseView): string {
  const order = view.order?.name ? `Order ${view.order.name}` : "No order";
  const reason = oneLine(view.reasonText) || view.reasons.map(labelReason).join(", ");
  return `${order} · ${reason} · ${PRIORITY_LABEL[view.priority]} priority`;
}
