import { cleanBodyText } from "./format";
import { oneLine, orderLines, type Facts } from "./case-facts";
import { emailFormat, formatTimestampIn, type EmailFormat } from "./localized-format";
import type { EscalationCaseView, TranscriptLine } from "./types";

// The email's text part.

/** The rule between a text email's sections. */
export const RULE = "─".repeat(46);

/**
 * The transcript as plain text, verbatim, times on the shop's clock. Every line of every message —
 * the shopper's and the model's — is quoted with "> ", so nothing typed or generated can pass for a
 * header of ours ("[Dec 1, 2026 23:00 UTC] Shopper wrote:", "REQUEST: …", "Priority: Urgent").
 */
export function transcriptText(lines: readonly TranscriptLine[], fmt: EmailFormat = emailFormat({})): string[] {
  const L = fmt.labels;
  return lines.flatMap((l) => {
    const when = formatTimestampIn(l.at, fmt);
    const body = cleanBodyText(l.text).trim();
    const who = l.role === "shopper" ? L.shopperWrote : L.assistantWrote;
    return [`[${when || L.timeUnknown}] ${who}`, ...body.split("\n").map((line) => `> ${line}`), ""];
  });
}

// Without a proven order the team still learns what the shopper named, and why it has no details.
export function noOrderText(view: EscalationCaseView, fmt: EmailFormat): string {
  const named = oneLine(view.mentionedOrderName ?? "");
  return named ? fmt.labels.mentionedNotProven(named) : fmt.labels.noOrder;
}

export function renderText(view: EscalationCaseView, f: Facts): string {
  const L = f.fmt.labels;
  const out: string[] = [];
  out.push(`${view.priority === "urgent" ? "[URGENT] " : ""}${L.escalation}${f.order ? ` — ${L.order} ${f.order.name}` : ""}`);
  out.push(RULE);
  out.push(`${L.requestHeading}${L.colon} ${f.reason}`);
  out.push(`${L.priority}${L.colon} ${f.priority}${f.confidence ? ` · ${L.confidence}${L.colon} ${f.confidence}` : ""}`);
  if (f.reasonLabels.length) out.push(`${L.alsoNoted}${L.colon} ${f.reasonLabels.join("; ")}`);
  if (f.details) out.push(`${L.details}${L.colon} ${f.details}`);
  out.push(RULE, "");
  out.push(`${L.customerEmail}${L.colon} ${f.shopperEmail}`);
  out.push(`(${L.replyHint})`, "");
  if (f.summary) out.push(`${L.summary.toUpperCase()}${L.colon}`, f.summary, "");
  if (f.order) {
    out.push(`${L.orderDetails.toUpperCase()}${L.colon}`);
    for (const [label, value, url, linkLabel] of orderLines(f.order, f.fmt)) {
      if (label === L.items) {
        out.push(`• ${L.items}${L.colon}`, ...f.order.items.map((item) => `    – ${item}`));
        continue;
      }
      out.push(`• ${label}${L.colon} ${value}`);
      if (url) out.push(`  ${linkLabel ? `${linkLabel}${L.colon} ` : ""}${url}`);
    }
    out.push("");
  } else {
    out.push(`${L.orderDetails.toUpperCase()}${L.colon} ${noOrderText(view, f.fmt)}`, "");
  }
  if (f.customer) {
    out.push(`${L.customerSection.toUpperCase()}${f.customer.vip ? ` (${L.vip})` : ""}${L.colon}`);
    if (f.customer.name) out.push(`• ${L.name}${L.colon} ${f.customer.name}`);
    if (f.customer.orders) out.push(`• ${L.orders}${L.colon} ${f.customer.orders}`);
    if (f.customer.spent) out.push(`• ${L.totalSpent}${L.colon} ${f.customer.spent}`);
    if (f.customer.tags) out.push(`• ${L.tags}${L.colon} ${f.customer.tags}`);
    if (f.customer.adminUrl) out.push(`  ${L.openCustomerInShopify}${L.colon} ${f.customer.adminUrl}`);
    out.push("");
  }
  out.push(`${L.transcript.toUpperCase()}${L.colon}`, "");
  out.push(...transcriptText(view.transcript, f.fmt));
  out.push(RULE);
  out.push(L.sentBy(f.shopName, view.shop.domain));
  if (f.adminUrl) out.push(`${L.viewCase}${L.colon} ${f.adminUrl}`);
  out.push("");
  return out.join("\n");
}
