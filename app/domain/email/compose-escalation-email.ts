// `escape-html` (the small, long-stable module Express itself uses) rather than a hand-rolled
// replace chain: it escapes all five HTML-significant characters (& < > " '), so the same function
// is safe both in element text and inside double-quoted attribute values such as href="…".
import escapeHtml from "escape-html";
import { labelReason, type Priority } from "../escalation";
import { agelessOrderStatus, ORDER_STATUS_LABELS, orderStatusHeadline, type FulfillmentFacts, type OrderFacts } from "../orders";
import {
  cleanAddress,
  cleanBodyText,
  formatDay,
  formatMoney,
  formatTimestamp,
  humanFinancialStatus,
  humanFulfillmentStatus,
  humanShipmentStatus,
  safeHttpUrl,
  sanitizeHeaderValue,
  truncate,
} from "./format";
import type { ComposedEmail, EscalationCaseView, TranscriptLine } from "./types";

/** Longest subject we send; longer ones are cut with "…" (mail clients show ~80 anyway). */
export const SUBJECT_MAX = 200;

const PRIORITY_LABEL: Record<Priority, string> = { low: "Low", normal: "Normal", high: "High", urgent: "Urgent" };
const PRIORITY_COLOUR: Record<Priority, string> = { low: "#6d7175", normal: "#2c6ecb", high: "#b98900", urgent: "#d72c0d" };
const RULE = "─".repeat(46);

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

// ---------------------------------------------------------------------------------------------
// Facts shared by the two parts (plain strings; each part escapes or lays them out itself).

interface Shipment {
  status: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  shipped: string;
  delivered: string;
  estimated: string;
}

interface Facts {
  reason: string;
  reasonLabels: string[];
  priority: string;
  confidence: string;
  shopperEmail: string;
  summary: string;
  order: null | {
    name: string;
    /** The status the shopper was shown, in the card's English words ("Cancelled and refunded"). */
    status: string;
    payment: string;
    fulfilment: string;
    cancelled: string;
    shipments: Shipment[];
    items: string[];
    total: string;
    ordered: string;
    shipped: string;
    delivered: string;
  };
  customer: null | { name: string; orders: string; spent: string; tags: string; vip: boolean };
  adminUrl: string | null;
  shopName: string;
}

function oneLine(s: string): string {
  return cleanBodyText(s).replace(/\s+/g, " ").trim();
}

function shipmentFacts(f: FulfillmentFacts): Shipment[] {
  const base = {
    status: humanShipmentStatus(f.displayStatus),
    shipped: formatDay(f.createdAt),
    delivered: formatDay(f.deliveredAt),
    estimated: formatDay(f.estimatedDeliveryAt),
  };
  if (f.tracking.length === 0) return [{ ...base, carrier: "", trackingNumber: "", trackingUrl: null }];
  return f.tracking.map((t) => ({
    ...base,
    carrier: oneLine(t.company ?? ""),
    trackingNumber: oneLine(t.number ?? ""),
    trackingUrl: safeHttpUrl(t.url),
  }));
}

function orderFacts(order: OrderFacts): NonNullable<Facts["order"]> {
  const shipments = order.fulfillments.flatMap(shipmentFacts);
  const firstShipped = order.fulfillments
    .map((f) => f.createdAt)
    .filter(Boolean)
    .sort()[0];
  const lastDelivered = order.fulfillments
    .map((f) => f.deliveredAt)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1);
  return {
    name: oneLine(order.name),
    status: ORDER_STATUS_LABELS.en[orderStatusHeadline(agelessOrderStatus(order))],
    payment: humanFinancialStatus(order.financialStatus),
    fulfilment: humanFulfillmentStatus(order.fulfillmentStatus),
    cancelled: formatDay(order.cancelledAt),
    shipments,
    items: order.items.map((i) => `${i.quantity} × ${oneLine(i.title)}${i.variantTitle ? ` (${oneLine(i.variantTitle)})` : ""}`),
    total: formatMoney(order.total),
    ordered: formatDay(order.createdAt),
    shipped: formatDay(firstShipped),
    delivered: formatDay(lastDelivered),
  };
}

function caseFacts(view: EscalationCaseView): Facts {
  const c = view.customer;
  const tags = c?.tags.map(oneLine).filter(Boolean) ?? [];
  const confidence = Number.isFinite(view.confidence) ? `${Math.round(Math.min(1, Math.max(0, view.confidence)) * 100)}%` : "";
  return {
    reason: oneLine(view.reasonText) || "Shopper asked to talk to a person",
    reasonLabels: view.reasons.map(labelReason),
    priority: PRIORITY_LABEL[view.priority] ?? String(view.priority),
    confidence,
    shopperEmail: cleanAddress(view.shopperEmail) || oneLine(view.shopperEmail),
    summary: oneLine(view.summary),
    order: view.order ? orderFacts(view.order) : null,
    customer:
      c || view.isVip
        ? {
            name: oneLine(c?.displayName ?? ""),
            orders: c ? String(c.numberOfOrders) : "",
            spent: c ? formatMoney(c.amountSpent) : "",
            tags: tags.join(", "),
            vip: view.isVip,
          }
        : null,
    adminUrl: safeHttpUrl(view.adminCaseUrl),
    shopName: oneLine(view.shop.name) || view.shop.domain,
  };
}

function orderLines(o: NonNullable<Facts["order"]>): Array<[label: string, value: string, url?: string | null]> {
  const rows: Array<[string, string, (string | null)?]> = [
    ["Order", o.name],
    ["Status", o.status],
    ["Payment", o.payment],
    ["Fulfillment", o.fulfilment],
  ];
  if (o.cancelled) rows.push(["Cancelled", o.cancelled]);
  o.shipments.forEach((s, i) => {
    const n = o.shipments.length > 1 ? ` ${i + 1}` : "";
    const when = s.delivered ? ` (${s.delivered})` : s.estimated ? ` (expected ${s.estimated})` : "";
    if (s.status) rows.push([`Shipment${n}`, `${s.status}${when}`]);
    if (s.carrier) rows.push([`Carrier${n}`, s.carrier]);
    if (s.trackingNumber) rows.push([`Tracking${n}`, s.trackingNumber, s.trackingUrl]);
    else if (s.trackingUrl) rows.push([`Tracking${n}`, "Track shipment", s.trackingUrl]);
  });
  if (o.items.length) rows.push(["Items", o.items.join("\n")]);
  if (o.total) rows.push(["Total", o.total]);
  const dates = [o.ordered && `ordered ${o.ordered}`, o.shipped && `shipped ${o.shipped}`, o.delivered && `delivered ${o.delivered}`].filter(Boolean);
  if (dates.length) rows.push(["Dates", dates.join(" · ")]);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Text part

/**
 * The transcript as plain text. Every line of the shopper's is quoted with "> ", so nothing a shopper
 * types can pass for an assistant or system line ("[Dec 1, 2026 23:00 UTC] Assistant: …").
 */
function transcriptText(lines: readonly TranscriptLine[]): string[] {
  return lines.flatMap((l) => {
    const when = formatTimestamp(l.at);
    const body = cleanBodyText(l.text).trim();
    if (l.role === "shopper") return [`[${when || "time unknown"}] Shopper wrote:`, ...body.split("\n").map((line) => `> ${line}`), ""];
    return [`[${when || "time unknown"}] Assistant:`, body, ""];
  });
}

// Without a proven order the team still learns what the shopper named, and why it has no details.
function noOrderText(view: EscalationCaseView): string {
  const named = oneLine(view.mentionedOrderName ?? "");
  return named
    ? `the shopper mentioned order ${named} but did not prove it is theirs (no matching email or signed-in account), so no order details are included.`
    : "no order identified in the conversation.";
}

function renderText(view: EscalationCaseView, f: Facts): string {
  const out: string[] = [];
  out.push(`${view.priority === "urgent" ? "[URGENT] " : ""}ESCALATION${f.order ? ` — Order ${f.order.name}` : ""}`);
  out.push(RULE);
  out.push(`ESCALATION REASON: ${f.reason}`);
  out.push(`Priority: ${f.priority}${f.confidence ? ` · Confidence: ${f.confidence}` : ""}`);
  if (f.reasonLabels.length) out.push(`Why: ${f.reasonLabels.join("; ")}`);
  out.push(RULE, "");
  out.push(`CUSTOMER EMAIL: ${f.shopperEmail}`);
  out.push("(Reply to this email to respond directly to the customer)", "");
  if (f.summary) out.push("SUMMARY:", f.summary, "");
  if (f.order) {
    out.push("ORDER DETAILS:");
    for (const [label, value, url] of orderLines(f.order)) {
      if (label === "Items") {
        out.push("• Items:", ...f.order.items.map((item) => `    – ${item}`));
        continue;
      }
      out.push(`• ${label}: ${value}`);
      if (url) out.push(`  ${url}`);
    }
    out.push("");
  } else {
    out.push(`ORDER DETAILS: ${noOrderText(view)}`, "");
  }
  if (f.customer) {
    out.push(`CUSTOMER${f.customer.vip ? " (VIP)" : ""}:`);
    if (f.customer.name) out.push(`• Name: ${f.customer.name}`);
    if (f.customer.orders) out.push(`• Orders: ${f.customer.orders}`);
    if (f.customer.spent) out.push(`• Total spent: ${f.customer.spent}`);
    if (f.customer.tags) out.push(`• Tags: ${f.customer.tags}`);
    out.push("");
  }
  out.push("CONVERSATION TRANSCRIPT:", "");
  out.push(...transcriptText(view.transcript));
  out.push(RULE);
  out.push(`Sent by Baton for ${f.shopName} · ${view.shop.domain}`);
  if (f.adminUrl) out.push(`View the case in Baton: ${f.adminUrl}`);
  out.push("");
  return out.join("\n");
}

// ---------------------------------------------------------------------------------------------
// HTML part: table layout with inline styles only (Gmail strips <style>, Outlook renders tables),
// no external CSS, fonts or images. Every dynamic string goes through escapeHtml.

const FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#202223;";

function htmlText(s: string): string {
  // Escape first, then turn newlines into <br>: the only markup that shopper text ever produces.
  return escapeHtml(cleanBodyText(s).trim()).replace(/\n/g, "<br>");
}

function link(url: string, label: string): string {
  // `url` comes from safeHttpUrl (http/https only) and is still escaped for the attribute.
  return `<a href="${escapeHtml(url)}" style="color:#2c6ecb;text-decoration:underline;" target="_blank" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

function block(inner: string): string {
  return `<tr><td style="padding:12px 20px;">${inner}</td></tr>`;
}

function section(title: string, inner: string): string {
  return block(`<h2 style="margin:0 0 8px 0;font-size:13px;letter-spacing:.04em;text-transform:uppercase;color:#6d7175;">${escapeHtml(title)}</h2>${inner}`);
}

function factTable(rows: Array<[label: string, valueHtml: string]>): string {
  return (
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">` +
    rows
      .map(
        ([label, value]) =>
          `<tr><td valign="top" style="padding:3px 12px 3px 0;width:120px;color:#6d7175;white-space:nowrap;">${escapeHtml(label)}</td>` +
          `<td valign="top" style="padding:3px 0;">${value}</td></tr>`,
      )
      .join("") +
    `</table>`
  );
}

function transcriptHtml(lines: readonly TranscriptLine[]): string {
  if (lines.length === 0) return `<p style="margin:0;color:#6d7175;">No messages.</p>`;
  return (
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">` +
    lines
      .map((l) => {
        const shopper = l.role === "shopper";
        const bg = shopper ? "#f1f8f5" : "#f6f6f7";
        const border = shopper ? "#008060" : "#8c9196";
        return (
          `<tr><td style="padding:0 0 8px 0;">` +
          `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;background:${bg};border-left:3px solid ${border};">` +
          `<tr><td style="padding:6px 10px 0 10px;font-size:12px;color:#6d7175;"><strong style="color:#202223;">${shopper ? "Shopper" : "Assistant"}</strong> · ${escapeHtml(formatTimestamp(l.at) || "time unknown")}</td></tr>` +
          `<tr><td style="padding:2px 10px 8px 10px;">${htmlText(l.text)}</td></tr>` +
          `</table></td></tr>`
        );
      })
      .join("") +
    `</table>`
  );
}

function footer(view: EscalationCaseView, adminUrl: string | null): string {
  const shopName = oneLine(view.shop.name) || view.shop.domain;
  return (
    `<tr><td style="padding:16px 20px;border-top:1px solid #e1e3e5;font-size:12px;color:#6d7175;">` +
    `Sent by Baton for ${escapeHtml(shopName)} · ${escapeHtml(view.shop.domain)}` +
    (adminUrl ? `<br>${link(adminUrl, "View this case in Baton")}` : "") +
    `</td></tr>`
  );
}

function page(title: string, preheader: string, rows: string): string {
  return (
    `<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f6f6f7;">` +
    // Preheader: the line inbox lists show next to the subject.
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(truncate(preheader, 140))}</div>` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f6f6f7;"><tr><td align="center" style="padding:16px 8px;">` +
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background:#ffffff;border:1px solid #e1e3e5;${FONT}">` +
    rows +
    `</table></td></tr></table></body></html>`
  );
}

function renderHtml(subject: string, view: EscalationCaseView, f: Facts): string {
  const colour = PRIORITY_COLOUR[view.priority] ?? "#6d7175";
  const header = block(
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
      `<td style="background:${colour};color:#ffffff;font-size:12px;font-weight:bold;padding:2px 8px;">${escapeHtml(f.priority.toUpperCase())} PRIORITY</td>` +
      (f.customer?.vip
        ? `<td style="width:6px;"></td><td style="background:#8a6116;color:#ffffff;font-size:12px;font-weight:bold;padding:2px 8px;">VIP</td>`
        : "") +
      `</tr></table>` +
      `<h1 style="margin:10px 0 4px 0;font-size:18px;">${escapeHtml(f.reason)}</h1>` +
      (f.reasonLabels.length || f.confidence
        ? `<p style="margin:0;color:#6d7175;">${escapeHtml(f.reasonLabels.join(" · "))}${f.confidence ? `${f.reasonLabels.length ? " · " : ""}confidence ${escapeHtml(f.confidence)}` : ""}</p>`
        : ""),
  );

  const customerEmail = block(
    `<p style="margin:0;"><strong>Customer:</strong> ${escapeHtml(f.shopperEmail)}</p>` +
      `<p style="margin:2px 0 0 0;color:#6d7175;">Reply to this email to respond directly to the customer.</p>`,
  );

  const summary = f.summary ? section("Summary", `<p style="margin:0;">${escapeHtml(f.summary)}</p>`) : "";

  let order: string;
  if (f.order) {
    // The tracking number itself is the link (only ever an http(s) URL, see safeHttpUrl).
    const rows: Array<[string, string]> = orderLines(f.order).map(([label, value, url]) => [
      label,
      url ? link(url, value) : escapeHtml(value).replace(/\n/g, "<br>"),
    ]);
    order = section("Order details", factTable(rows));
  } else {
    order = section("Order details", `<p style="margin:0;color:#6d7175;">${escapeHtml(noOrderText(view))}</p>`);
  }

  let customer = "";
  if (f.customer) {
    const rows: Array<[string, string]> = [];
    if (f.customer.name) rows.push(["Name", escapeHtml(f.customer.name)]);
    if (f.customer.orders) rows.push(["Orders", escapeHtml(f.customer.orders)]);
    if (f.customer.spent) rows.push(["Total spent", escapeHtml(f.customer.spent)]);
    if (f.customer.tags) rows.push(["Tags", escapeHtml(f.customer.tags)]);
    if (f.customer.vip) rows.push(["Status", `<strong style="color:#8a6116;">VIP</strong>`]);
    customer = section("Customer", factTable(rows));
  }

  return page(
    subject,
    f.summary || f.reason,
    [header, customerEmail, summary, order, customer, section("Conversation transcript", transcriptHtml(view.transcript)), footer(view, f.adminUrl)].join(""),
  );
}
