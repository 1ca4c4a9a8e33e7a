import { describe, expect, it } from "vitest";
import { composeEscalationEmail, composeFollowUpEmail, escalationSubject, SUBJECT_MAX } from "./compose-escalation-email";
import { SEED_ORDER, SEED_TRANSCRIPT, seedView } from "./fixtures";
import type { ComposedEmail, TranscriptLine } from "./types";

/** Every header-bound value of a composed email. */
function headerValues(e: ComposedEmail): string[] {
  return [
    e.from,
    ...e.to,
    ...e.cc,
    e.replyTo,
    e.subject,
    e.messageId,
    e.inReplyTo ?? "",
    ...(e.references ?? []),
    ...Object.keys(e.headers),
    ...Object.values(e.headers),
  ];
}

describe("composeEscalationEmail — the seed case #1042", () => {
  const email = composeEscalationEmail(seedView());

  it("addresses the team and replies to the shopper", () => {
    expect(email.subject).toBe("Delivery problem · #1042 · Sarah Johnson");
    expect(email.replyTo).toBe("sarah@example.com");
    expect(email.from).toBe('"Your Store support" <escalations@baton.example>');
    expect(email.to).toEqual(["support@yourstore.example"]);
    expect(email.messageId).toBe("<case-case_1042@baton.example>");
    expect(email.inReplyTo).toBeUndefined();
    expect(email.headers).toEqual({
      "X-Baton-Case": "case_1042",
      "X-Baton-Kind": "case",
      "Auto-Submitted": "auto-generated",
      "X-Priority": "1",
      Importance: "high",
    });
  });

  it.each([
    ["request line", "REQUEST: Has a delivery problem with order #1042 — ownership proven"],
    ["detector's note", "Details: Customer reporting non-delivery"],
    ["priority and confidence", "Priority: High · Confidence: 87%"],
    ["no reason label the request line already says", "Priority: High · Confidence: 87%\nDetails: Customer reporting non-delivery"],
    ["customer email", "CUSTOMER EMAIL: sarah@example.com\n(Reply to this email to respond directly to the customer)"],
    [
      "order, its Shopify admin link and its status",
      "• Order: #1042\n  Open the order in Shopify: https://admin.shopify.com/store/yourstore/orders/5001042\n• Status: Delivered\n• Payment: Paid",
    ],
    ["fulfilment", "• Fulfillment: Fulfilled"],
    ["shipment", "• Shipment: Delivered (Feb 20, 2026)"],
    ["carrier", "• Carrier: USPS"],
    ["tracking", "• Tracking: 9400111899223847563\n  https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563"],
    ["items", "• Items:\n    – 1 × Merino Wool Throw (Oat)\n    – 2 × Linen Cushion Cover (Sage)"],
    ["total", "• Total: $74.50"],
    ["dates", "• Dates: ordered Feb 16, 2026 · shipped Feb 18, 2026 · delivered Feb 20, 2026"],
    [
      "customer facts and link",
      "CUSTOMER:\n• Name: Sarah Johnson\n• Orders: 3\n• Total spent: $214.50\n• Tags: newsletter\n" +
        "  Open the customer in Shopify: https://admin.shopify.com/store/yourstore/customers/7001",
    ],
    ["summary", "SUMMARY:\nShopper says order #1042 shows delivered but never arrived."],
    [
      "transcript",
      "[Feb 21, 2026, 2:03 PM UTC] Shopper wrote:\n> Where is my order #1042?\n\n[Feb 21, 2026, 2:03 PM UTC] Assistant wrote:\n> Your order #1042 shipped",
    ],
    ["last transcript line", "[Feb 21, 2026, 2:05 PM UTC] Assistant wrote:\n> I've forwarded your case"],
    [
      "footer",
      "Sent by Baton for Your Store · yourstore.myshopify.com\n" +
        "View the case in Baton: https://admin.shopify.com/store/yourstore/apps/baton/app/cases/case_1042",
    ],
  ])("text part has the %s", (_name, fragment) => {
    expect(email.text).toContain(fragment);
  });

  it.each([
    ["request heading", "Has a delivery problem with order #1042 — ownership proven</h1>"],
    ["priority badge", "HIGH PRIORITY</td>"],
    ["confidence", "Confidence 87%"],
    ["reply hint", "Reply to this email to respond directly to the customer."],
    ["tracking link on the number", 'href="https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223847563"'],
    ["tracking number", ">9400111899223847563</a>"],
    ["carrier", ">USPS</td>"],
    ["items", "1 × Merino Wool Throw (Oat)<br>2 × Linen Cushion Cover (Sage)"],
    ["total", ">$74.50</td>"],
    ["order link", 'href="https://admin.shopify.com/store/yourstore/orders/5001042"'],
    ["customer link", 'href="https://admin.shopify.com/store/yourstore/customers/7001"'],
    ["transcript label and timestamp", '<strong style="color:#202223;">Shopper</strong> · Feb 21, 2026, 2:03 PM UTC'],
    ["transcript text", "I never received it though. It says delivered but nothing was at my door."],
    ["admin link", 'href="https://admin.shopify.com/store/yourstore/apps/baton/app/cases/case_1042"'],
    ["footer", "Sent by Baton for Your Store · yourstore.myshopify.com"],
  ])("HTML part has the %s", (_name, fragment) => {
    expect(email.html).toContain(fragment);
  });

  it("is self-contained, table-based HTML (no external CSS, images or scripts)", () => {
    expect(email.html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(email.html).toContain('<table role="presentation"');
    expect(email.html).not.toMatch(/<link|<style|<img|<script|url\(/i);
  });

  it("keeps every transcript line in order", () => {
    const positions = SEED_TRANSCRIPT.map((l) => email.text.indexOf(l.text));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe("composeEscalationEmail — variants", () => {
  it.each([
    { name: "no order", over: { order: null }, subject: "Delivery problem · Sarah Johnson" },
    { name: "urgent", over: { priority: "urgent" as const }, subject: "[URGENT] Delivery problem · #1042 · Sarah Johnson" },
    {
      name: "urgent, no order",
      over: { priority: "urgent" as const, order: null },
      subject: "[URGENT] Delivery problem · Sarah Johnson",
    },
    { name: "normal priority", over: { priority: "normal" as const }, subject: "Delivery problem · #1042 · Sarah Johnson" },
  ])("subject: $name", ({ over, subject }) => {
    expect(composeEscalationEmail(seedView(over)).subject).toBe(subject);
  });

  it("no order: says so in both parts", () => {
    const e = composeEscalationEmail(seedView({ order: null }));
    expect(e.text).toContain("ORDER DETAILS: no order identified in the conversation");
    expect(e.html).toContain("No order identified in the conversation.");
    expect(e.text).not.toContain("Carrier");
  });

  it.each([
    { priority: "urgent" as const, xPriority: "1" },
    { priority: "high" as const, xPriority: "1" },
    { priority: "normal" as const, xPriority: undefined },
    { priority: "low" as const, xPriority: undefined },
  ])("X-Priority for $priority", ({ priority, xPriority }) => {
    const h = composeEscalationEmail(seedView({ priority })).headers;
    expect(h["X-Priority"]).toBe(xPriority);
    expect(h.Importance).toBe(xPriority ? "high" : undefined);
    expect(h["Auto-Submitted"]).toBe("auto-generated");
  });

  it("VIP badge and customer facts", () => {
    const e = composeEscalationEmail(seedView({ isVip: true, customer: { ...SEED_ORDER.customer!, tags: ["VIP", "wholesale"] } }));
    expect(e.text).toContain("CUSTOMER (VIP):");
    expect(e.text).toContain("• Tags: VIP, wholesale");
    expect(e.html).toContain(">VIP</td>");
  });

  it("several shipments are numbered; a shipment in transit shows its expected date", () => {
    const second = {
      ...SEED_ORDER.fulfillments[0]!,
      displayStatus: "IN_TRANSIT",
      deliveredAt: null,
      estimatedDeliveryAt: "2026-02-25T00:00:00Z",
      tracking: [{ company: "UPS", number: "1Z999", url: null }],
    };
    const e = composeEscalationEmail(
      seedView({ order: { ...SEED_ORDER, fulfillmentStatus: "PARTIALLY_FULFILLED", fulfillments: [SEED_ORDER.fulfillments[0]!, second] } }),
    );
    expect(e.text).toContain("• Fulfillment: Partially fulfilled");
    expect(e.text).toContain("• Shipment 1: Delivered (Feb 20, 2026)");
    expect(e.text).toContain("• Shipment 2: In transit (expected Feb 25, 2026)\n• Carrier 2: UPS\n• Tracking 2: 1Z999\n");
  });
});

describe("composeEscalationEmail — hostile input", () => {
  const xss = `<script>alert(1)</script><img src=x "onerror=alert(2)>`;

  it.each([
    { name: "shopper text", over: { transcript: [{ role: "shopper" as const, text: xss, at: "2026-02-21T14:03:00Z" }] } },
    { name: "order item title", over: { order: { ...SEED_ORDER, items: [{ title: xss, variantTitle: xss, quantity: 1 }] } } },
    { name: "reason text and summary", over: { reasonText: xss, summary: xss } },
    {
      name: "shop name and customer tags",
      over: { shop: { domain: "x.myshopify.com", name: xss }, customer: { ...SEED_ORDER.customer!, tags: [xss], displayName: xss } },
    },
    {
      name: "carrier and tracking number",
      over: {
        order: {
          ...SEED_ORDER,
          fulfillments: [{ ...SEED_ORDER.fulfillments[0]!, tracking: [{ company: xss, number: xss, url: 'https://t.example/?q="><script>' }] }],
        },
      },
    },
  ])('escapes <script> and "onerror= in the $name', ({ over }) => {
    const e = composeEscalationEmail(seedView(over));
    expect(e.html).not.toContain("<script>");
    expect(e.html).not.toContain("<img");
    expect(e.html).not.toContain('"onerror=');
    expect(e.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x &quot;onerror=alert(2)&gt;");
    // The text part keeps the words as they were written (a text part is never rendered as HTML).
    expect(e.text).toContain("<script>alert(1)</script>");
  });

  it.each([
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "//evil.example/track",
    "https://user:pass@evil.example/",
    "https://t.example/\nBcc: x@y.z",
  ])("never links a non-http(s) tracking URL: %s", (url) => {
    const e = composeEscalationEmail(
      seedView({ order: { ...SEED_ORDER, fulfillments: [{ ...SEED_ORDER.fulfillments[0]!, tracking: [{ company: "USPS", number: "9400", url }] }] } }),
    );
    expect(e.html).not.toMatch(/javascript:|data:text|evil\.example/i);
    expect(e.html).toContain(">9400</td>");
    expect(e.text).toContain("• Tracking: 9400\n");
    expect(e.text).not.toMatch(/javascript:|data:text|evil\.example/i);
  });

  it("does not link a non-http admin URL", () => {
    const e = composeEscalationEmail(seedView({ adminCaseUrl: "javascript:alert(1)" }));
    expect(e.html).not.toContain("javascript:");
    expect(e.text).not.toContain("javascript:");
  });

  it.each([
    { name: "shopper email", over: { shopperEmail: "sarah@example.com\r\nBcc: victim@evil.example" } },
    { name: "order name", over: { order: { ...SEED_ORDER, name: "#1042\r\nBcc: victim@evil.example" } } },
    { name: "case id", over: { caseId: "c1\r\nBcc: victim@evil.example" } },
    { name: "message id", over: { messageId: "<c1@x>\r\nBcc: victim@evil.example" } },
    { name: "from", over: { from: "Shop <a@b.example>\r\nBcc: victim@evil.example" } },
    { name: "recipients", over: { to: ["team@shop.example\r\nBcc: victim@evil.example"], cc: ["\nBcc: victim@evil.example"] } },
    { name: "unicode line separator and NUL", over: { shopperEmail: "sarah@example.com\u2028Bcc: v@evil.example\u0000" } },
  ])("CR/LF in the $name never produces a header line", ({ over }) => {
    const e = composeEscalationEmail(seedView(over));
    for (const value of headerValues(e)) expect(value).not.toMatch(/[\r\n\u0000\u2028\u2029]/);
  });

  it("an injected shopper email is not used as Reply-To (but the subject stays one line)", () => {
    const e = composeEscalationEmail(seedView({ shopperEmail: "sarah@example.com\r\nBcc: victim@evil.example" }));
    expect(e.replyTo).toBe("");
    expect(e.subject).toBe("Delivery problem · #1042 · Sarah Johnson");
  });

  it("caps the subject length", () => {
    const e = composeEscalationEmail(seedView({ priority: "urgent", order: { ...SEED_ORDER, name: `#${"9".repeat(500)}` } }));
    expect(Array.from(e.subject).length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(e.subject.startsWith("[URGENT] Delivery problem · #999")).toBe(true);
    expect(e.subject.endsWith("…")).toBe(true);
  });

  it("CR/LF in shopper text stays inside the body", () => {
    const e = composeEscalationEmail(
      seedView({ transcript: [{ role: "shopper", text: "line one\r\nBcc: x@y.z\r\n\r\nline three", at: "2026-02-21T14:03:00Z" }] }),
    );
    expect(e.text).toContain("> line one\n> Bcc: x@y.z\n> \n> line three");
    expect(e.text).not.toContain("\r");
    expect(e.html).toContain("line one<br>Bcc: x@y.z<br><br>line three");
  });
});

describe("composeFollowUpEmail", () => {
  const newLines: TranscriptLine[] = [
    { role: "shopper", text: "Any news? <b>still</b> nothing", at: "2026-02-21T15:00:00Z" },
    { role: "assistant", text: "Your case is with the team.", at: "2026-02-21T15:00:01Z" },
    { role: "shopper", text: "Also the porch camera shows nothing.", at: "2026-02-21T15:02:00Z" },
  ];
  const e = composeFollowUpEmail(seedView(), newLines, "<followup-1@baton.example>");

  it("threads on the case email with the same recipients", () => {
    expect(e.subject).toBe("Re: Delivery problem · #1042 · Sarah Johnson");
    expect(e.messageId).toBe("<followup-1@baton.example>");
    expect(e.inReplyTo).toBe("<case-case_1042@baton.example>");
    expect(e.references).toEqual(["<case-case_1042@baton.example>"]);
    expect(e.replyTo).toBe("sarah@example.com");
    expect(e.to).toEqual(["support@yourstore.example"]);
    expect(e.headers["X-Baton-Kind"]).toBe("followup");
    expect(e.headers["X-Baton-Case"]).toBe("case_1042");
  });

  it("carries only the new messages plus a reminder and the admin link", () => {
    expect(e.text).toContain("sarah@example.com wrote 2 new messages on this case.");
    expect(e.text).toContain("Case: Has a delivery problem with order #1042 — ownership proven · High priority");
    expect(e.text).toContain("[Feb 21, 2026, 3:00 PM UTC] Shopper wrote:\n> Any news? <b>still</b> nothing");
    expect(e.text).toContain("[Feb 21, 2026, 3:00 PM UTC] Assistant wrote:\n> Your case is with the team.");
    expect(e.text).toContain("Also the porch camera shows nothing.");
    expect(e.text).not.toContain("Where is my order #1042?");
    expect(e.text).toContain("View the case in Baton: https://admin.shopify.com/");
    expect(e.html).toContain("Any news? &lt;b&gt;still&lt;/b&gt; nothing");
    expect(e.html).not.toContain("<b>still");
  });

  it("urgent follow-up keeps the [URGENT] prefix after Re:", () => {
    expect(composeFollowUpEmail(seedView({ priority: "urgent", order: null }), newLines, "<f@x>").subject).toBe(
      "Re: [URGENT] Delivery problem · Sarah Johnson",
    );
  });

  it("subject helper matches the case email", () => {
    expect(escalationSubject(seedView())).toBe(composeEscalationEmail(seedView()).subject);
  });
});

describe("model text cannot fake the team email's layout (security third pass, finding 4)", () => {
  const forged = "Sure, I can help.\n\n[Dec 1, 2026 23:00 UTC] Shopper wrote:\n> I'm a VIP\nREQUEST: legal threat\nPriority: Urgent";
  const transcript: TranscriptLine[] = [
    { role: "shopper", text: "Where is my order?", at: "2026-12-01T22:59:00Z" },
    { role: "assistant", text: forged, at: "2026-12-01T23:00:00Z" },
  ];
  const email = composeEscalationEmail(seedView({ transcript }));

  it("every line of an assistant message is quoted in the text part", () => {
    const lines = email.text.split("\n");
    for (const fake of ["Shopper wrote:", "REQUEST: legal threat", "Priority: Urgent", "Sure, I can help."]) {
      const hits = lines.filter((l) => l.includes(fake) && l.includes(fake === "Shopper wrote:" ? "23:00" : fake));
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.startsWith("> ")).toBe(true);
    }
    expect(lines.filter((l) => l.startsWith("REQUEST:"))).toHaveLength(1);
  });

  it("an assistant message is a blockquote in the HTML part", () => {
    expect(email.html).toMatch(/<blockquote[^>]*>Sure, I can help\.<br><br>\[Dec 1, 2026 23:00 UTC\] Shopper wrote:/);
  });

  it("the subject never carries the model's escalation note", () => {
    const subject = escalationSubject(seedView({ reasonText: "Assistant's note: VIP customer, legal threat, chargeback filed", reasons: ["threat"] }));
    expect(subject).not.toMatch(/VIP|legal|chargeback/i);
    expect(subject).toBe("Delivery problem · #1042 · Sarah Johnson");
  });
});
