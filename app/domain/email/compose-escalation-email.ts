import escapeHtml from "escape-html";
import type { EscalationTopic, Priority, ReasonCode, ShopperRequest } from "../escalation";
import { cleanAddress, safeHttpUrl, sanitizeHeaderValue, truncate } from "./format";
import type { ComposedEmail, EscalationCaseView, TranscriptLine } from "./types";
import { caseFacts, oneLine, requestLine } from "./case-facts";
import { caseProblem } from "./case-problem";
import { emailFormat, type EmailFormat } from "./localized-format";
import { block, footer, page, renderHtml, section, transcriptHtml } from "./render-html";
import { RULE, renderText, transcriptText } from "./render-text";

/** Longest subject we send; longer ones are cut with "…" (mail clients show ~80 anyway). */
export const SUBJECT_MAX = 200;

/** How a case's reason marks the model's own escalation note (set by vetModelEscalation). */
export const MODEL_NOTE_PREFIX = "Assistant's note: ";

/** What a case subject is built from (stored case columns or a case view). */
export interface SubjectFacts {
  priority: Priority;
  /** The proven order's name ("#1043"). */
  orderName: string | null | undefined;
  /** An order the shopper named without proving it: shown as "#1043 (mentioned)". */
  mentionedOrderName?: string | null;
  /** What the shopper asks; else the topic, else the triggers say what the case is about. */
  request?: ShopperRequest | null;
  topic?: EscalationTopic | null;
  reasons?: readonly ReasonCode[];
  customerName: string | null | undefined;
  shopperEmail: string | null | undefined;
  /** The shop's language (BCP-47); English when missing. */
  locale?: string | null;
}

/**
 * The case subject an agent can triage from the inbox: "[URGENT] Order not shipped · #1043 · Mike
 * Chen" — the problem (from the request's code, never from model or shopper text), the order
 * (proven, or "#1043 (mentioned)"), the customer's name (else their email). In the shop's language,
 * one header-safe line, capped.
 */
export function caseSubject(c: SubjectFacts): string {
  const L = emailFormat({ locale: c.locale }).labels;
  const who = sanitizeHeaderValue(c.customerName ?? "") || sanitizeHeaderValue(c.shopperEmail ?? "");
  const proven = sanitizeHeaderValue(c.orderName ?? "");
  const mentioned = proven ? "" : sanitizeHeaderValue(c.mentionedOrderName ?? "");
  const order = proven || (mentioned ? `${mentioned} ${L.mentioned}` : "");
  const parts = [L.problems[caseProblem(c)], order, who].filter(Boolean);
  const subject = `${c.priority === "urgent" ? "[URGENT] " : ""}${parts.join(" · ")}`;
  return truncate(sanitizeHeaderValue(subject), SUBJECT_MAX);
}

/** The subject facts of a case view. */
function subjectFactsOf(
  view: Pick<EscalationCaseView, "priority" | "order" | "mentionedOrderName" | "request" | "topic" | "reasons" | "shopperEmail" | "customer" | "shop">,
): SubjectFacts {
  return {
    priority: view.priority,
    orderName: view.order?.name,
    mentionedOrderName: view.order ? null : view.mentionedOrderName,
    request: view.request,
    topic: view.topic,
    reasons: view.reasons,
    customerName: view.customer?.displayName,
    shopperEmail: view.shopperEmail,
    locale: view.shop.locale,
  };
}

/** The subject of a case's email. */
export function escalationSubject(view: Parameters<typeof subjectFactsOf>[0]): string {
  return caseSubject(subjectFactsOf(view));
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
 * A follow-up in the case's thread, in the shop's language like the case email: the shopper's new
 * messages (and the assistant's replies) since the last email, verbatim, a one-line reminder of the
 * case (its request line), and the admin link. Threaded with In-Reply-To/References on the case's
 * Message-ID; the subject is the case's with "Re: ".
 */
export function composeFollowUpEmail(view: EscalationCaseView, newLines: TranscriptLine[], followUpMessageId: string): ComposedEmail {
  const fmt = emailFormat(view.shop);
  const L = fmt.labels;
  const subject = followUpSubject(subjectFactsOf(view));
  const reminder = caseReminder(view, fmt);
  const email = cleanAddress(view.shopperEmail) || sanitizeHeaderValue(view.shopperEmail);
  const count = newLines.filter((l) => l.role === "shopper").length;
  const intro = L.followUpIntro(email || null, count);
  const adminUrl = safeHttpUrl(view.adminCaseUrl);
  const shopName = sanitizeHeaderValue(view.shop.name) || view.shop.domain;

  const text = [
    intro,
    `(${L.replyHint})`,
    "",
    `${L.caseReminder}${L.colon} ${reminder}`,
    "",
    `${L.newMessages.toUpperCase()}${L.colon}`,
    "",
    ...transcriptText(newLines, fmt),
    RULE,
    L.sentBy(shopName, view.shop.domain),
    ...(adminUrl ? [`${L.viewCase}${L.colon} ${adminUrl}`] : []),
    "",
  ].join("\n");

  const html = page(
    subject,
    intro,
    [
      block(
        `<p style="margin:0 0 6px 0;font-size:15px;">${escapeHtml(intro)}</p>` +
          `<p style="margin:0 0 6px 0;color:#6d7175;">${escapeHtml(L.replyHint)}.</p>` +
          `<p style="margin:0;"><strong>${escapeHtml(L.caseReminder)}${L.colon}</strong> ${escapeHtml(reminder)}</p>`,
      ),
      section(L.newMessages, transcriptHtml(newLines, fmt)),
      footer(view, adminUrl, fmt),
    ].join(""),
    L.htmlLang,
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

// "Wants to cancel order #1042 — ownership proven · High priority": the case at a glance.
function caseReminder(view: EscalationCaseView, fmt: EmailFormat): string {
  const L = fmt.labels;
  const order = view.order || view.mentionedOrderName ? "" : ` · ${L.noOrderShort}`;
  return `${oneLine(requestLine(view, fmt))}${order} · ${L.priorityPhrase(L.priorityNames[view.priority] ?? view.priority)}`;
}
