import { cleanBodyText, formatTimestamp } from "./format";
import { oneLine, orderLines, type Facts } from "./case-facts";
import type { EscalationCaseView, TranscriptLine } from "./types";

// The email's text part.

/** The rule between a text email's sections. */
export const RULE = "─".repeat(46);

/**
 * The transcript as plain text. Every line of every message — the shopper's and the model's — is
 * quoted with "> ", so nothing typed or generated can pass for a header of ours ("[Dec 1, 2026 23:00
 * UTC] Shopper wrote:", "ESCALATION REASON: …", "Priority: Urgent").
 */
export function transcriptText(lines: readonly TranscriptLine[]): string[] {
  return lines.flatMap((l) => {
    const when = formatTimestamp(l.at);
    const body = cleanBodyText(l.text).trim();
    const who = l.role === "shopper" ? "Shopper" : "Assistant";
    return [`[${when || "time unknown"}] ${who} wrote:`, ...body.split("\n").map((line) => `> ${line}`), ""];
  });
}

// Without a proven order the team still learns what the shopper named, and why it has no details.
export function noOrderText(view: EscalationCaseView): string {
  const named = oneLine(view.mentionedOrderName ?? "");
  return named
    ? `the shopper mentioned order ${named} but did not prove it is theirs (no matching email or signed-in account), so no order details are included.`
    : "no order identified in the conversation.";
}

export function renderText(view: EscalationCaseView, f: Facts): string {
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
