// `escape-html` (the small, long-stable module Express itself uses) rather than a hand-rolled
// replace chain: it escapes all five HTML-significant characters (& < > " '), so the same function
// is safe both in element text and inside double-quoted attribute values such as href="…".
import escapeHtml from "escape-html";
import type { Priority } from "../escalation";
import { cleanBodyText, truncate } from "./format";
import { noOrderText } from "./render-text";
import { oneLine, orderLines, type Facts } from "./case-facts";
import { emailFormat, formatTimestampIn, type EmailFormat } from "./localized-format";
import type { EscalationCaseView, TranscriptLine } from "./types";

// HTML part: table layout with inline styles only (Gmail strips <style>, Outlook renders tables),
// no external CSS, fonts or images. Every dynamic string goes through escapeHtml.

const PRIORITY_COLOUR: Record<Priority, string> = { low: "#6d7175", normal: "#2c6ecb", high: "#b98900", urgent: "#d72c0d" };

const FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#202223;";

function htmlText(s: string): string {
  // Escape first, then turn newlines into <br>: the only markup that shopper text ever produces.
  return escapeHtml(cleanBodyText(s).trim()).replace(/\n/g, "<br>");
}

function link(url: string, label: string): string {
  // `url` comes from safeHttpUrl (http/https only) and is still escaped for the attribute.
  return `<a href="${escapeHtml(url)}" style="color:#2c6ecb;text-decoration:underline;" target="_blank" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

export function block(inner: string): string {
  return `<tr><td style="padding:12px 20px;">${inner}</td></tr>`;
}

export function section(title: string, inner: string): string {
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

export function transcriptHtml(lines: readonly TranscriptLine[], fmt: EmailFormat = emailFormat({})): string {
  const L = fmt.labels;
  if (lines.length === 0) return `<p style="margin:0;color:#6d7175;">${escapeHtml(L.noMessages)}</p>`;
  return (
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">` +
    lines
      .map((l) => {
        const shopper = l.role === "shopper";
        const bg = shopper ? "#f1f8f5" : "#f6f6f7";
        const border = shopper ? "#008060" : "#8c9196";
        return (
          `<tr><td style="padding:0 0 8px 0;">` +
          `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ` +
          `style="border-collapse:collapse;background:${bg};border-left:3px solid ${border};">` +
          `<tr><td style="padding:6px 10px 0 10px;font-size:12px;color:#6d7175;">` +
          `<strong style="color:#202223;">${escapeHtml(shopper ? L.shopper : L.assistant)}</strong> · ` +
          `${escapeHtml(formatTimestampIn(l.at, fmt) || L.timeUnknown)}</td></tr>` +
          // A quote, so the model's or shopper's line breaks cannot pass for the email's own sections.
          `<tr><td style="padding:2px 10px 8px 10px;"><blockquote style="margin:0;padding:0;">${htmlText(l.text)}</blockquote></td></tr>` +
          `</table></td></tr>`
        );
      })
      .join("") +
    `</table>`
  );
}

export function footer(view: EscalationCaseView, adminUrl: string | null, fmt: EmailFormat): string {
  const shopName = oneLine(view.shop.name) || view.shop.domain;
  return (
    `<tr><td style="padding:16px 20px;border-top:1px solid #e1e3e5;font-size:12px;color:#6d7175;">` +
    escapeHtml(fmt.labels.sentBy(shopName, view.shop.domain)) +
    (adminUrl ? `<br>${link(adminUrl, fmt.labels.viewCase)}` : "") +
    `</td></tr>`
  );
}

export function page(title: string, preheader: string, rows: string, lang = "en"): string {
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f6f6f7;">` +
    // Preheader: the line inbox lists show next to the subject.
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${escapeHtml(truncate(preheader, 140))}</div>` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f6f6f7;">` +
    `<tr><td align="center" style="padding:16px 8px;">` +
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" ` +
    `style="width:100%;max-width:640px;background:#ffffff;border:1px solid #e1e3e5;${FONT}">` +
    rows +
    `</table></td></tr></table></body></html>`
  );
}

export function renderHtml(subject: string, view: EscalationCaseView, f: Facts): string {
  const L = f.fmt.labels;
  const colour = PRIORITY_COLOUR[view.priority] ?? "#6d7175";
  const noted = f.reasonLabels.length ? `${L.alsoNoted}${L.colon} ${f.reasonLabels.join(" · ")}` : "";
  const secondary = [noted, f.confidence ? `${L.confidence} ${f.confidence}` : ""].filter(Boolean).join(" · ");
  const header = block(
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
      `<td style="background:${colour};color:#ffffff;font-size:12px;font-weight:bold;padding:2px 8px;">${escapeHtml(L.priorityBadge(f.priority))}</td>` +
      (f.customer?.vip
        ? `<td style="width:6px;"></td><td style="background:#8a6116;color:#ffffff;font-size:12px;font-weight:bold;padding:2px 8px;">${escapeHtml(L.vip)}</td>`
        : "") +
      `</tr></table>` +
      `<h1 style="margin:10px 0 4px 0;font-size:18px;">${escapeHtml(f.reason)}</h1>` +
      (secondary ? `<p style="margin:0;color:#6d7175;">${escapeHtml(secondary)}</p>` : "") +
      (f.details ? `<p style="margin:2px 0 0 0;color:#6d7175;">${escapeHtml(L.details)}${L.colon} ${escapeHtml(f.details)}</p>` : ""),
  );

  const customerEmail = block(
    `<p style="margin:0;"><strong>${escapeHtml(L.customerSection)}${L.colon}</strong> ${escapeHtml(f.shopperEmail)}</p>` +
      `<p style="margin:2px 0 0 0;color:#6d7175;">${escapeHtml(L.replyHint)}.</p>`,
  );

  const summary = f.summary ? section(L.summary, `<p style="margin:0;">${escapeHtml(f.summary)}</p>`) : "";

  let order: string;
  if (f.order) {
    // The tracking number itself is the link (only ever an http(s) URL, see safeHttpUrl); the
    // order's name links to the order in Shopify admin.
    const rows: Array<[string, string]> = orderLines(f.order, f.fmt).map(([label, value, url, linkLabel]) => [
      label,
      url
        ? `${link(url, value)}${linkLabel ? ` <span style="color:#6d7175;">· ${link(url, linkLabel)}</span>` : ""}`
        : escapeHtml(value).replace(/\n/g, "<br>"),
    ]);
    order = section(L.orderDetails, factTable(rows));
  } else {
    // Alone under its heading (the text part runs it on after "ORDER DETAILS:"), so it starts a sentence.
    const none = noOrderText(view, f.fmt);
    order = section(L.orderDetails, `<p style="margin:0;color:#6d7175;">${escapeHtml(none.charAt(0).toUpperCase() + none.slice(1))}</p>`);
  }

  let customer = "";
  if (f.customer) {
    const rows: Array<[string, string]> = [];
    if (f.customer.name) rows.push([L.name, escapeHtml(f.customer.name)]);
    if (f.customer.orders) rows.push([L.orders, escapeHtml(f.customer.orders)]);
    if (f.customer.spent) rows.push([L.totalSpent, escapeHtml(f.customer.spent)]);
    if (f.customer.tags) rows.push([L.tags, escapeHtml(f.customer.tags)]);
    if (f.customer.vip) rows.push([L.status, `<strong style="color:#8a6116;">${escapeHtml(L.vip)}</strong>`]);
    if (f.customer.adminUrl) rows.push(["Shopify", link(f.customer.adminUrl, L.openCustomerInShopify)]);
    customer = section(L.customerSection, factTable(rows));
  }

  return page(
    subject,
    f.summary || f.reason,
    [header, customerEmail, summary, order, customer, section(L.transcript, transcriptHtml(view.transcript, f.fmt)), footer(view, f.adminUrl, f.fmt)].join(""),
    L.htmlLang,
  );
}
