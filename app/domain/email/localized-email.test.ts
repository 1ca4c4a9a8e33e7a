import { describe, expect, it } from "vitest";
import { SHOPPER_REQUESTS } from "../escalation";
import { LANGUAGES, type Language } from "../conversation/language";
import { caseProblem, type CaseProblem } from "./case-problem";
import { caseSubject, composeEscalationEmail, composeFollowUpEmail, escalationSubject, MODEL_NOTE_PREFIX } from "./compose-escalation-email";
import { SEED_ORDER, SEED_TRANSCRIPT, seedView } from "./fixtures";
import { EMAIL_LABELS } from "./labels";
import type { EscalationCaseView } from "./types";

// Issue 23: a case the team can act on without writing back — the problem first, the order (proven
// or mentioned), links into Shopify admin, the shop's clock and the shop's language.

const shopIn = (locale: string, timeZone = "America/New_York") => ({ domain: "yourstore.myshopify.com", name: "Your Store", locale, timeZone });
const view = (over: Partial<EscalationCaseView> = {}, locale = "en") => seedView({ shop: shopIn(locale), ...over });
// Intl and French typography write no-break spaces ("74,50 $US", "DEMANDE : …"); the tests read them as spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const ALL_PROBLEMS: CaseProblem[] = [...SHOPPER_REQUESTS, "shipping", "product_issue", "privacy", "safety", "fraud"];

describe("subject: problem · order · customer", () => {
  it.each([
    {
      lang: "en",
      proven: "Cancel order · #1042 · Sarah Johnson",
      mentioned: "Cancel order · #1042 (mentioned) · Sarah Johnson",
      none: "Cancel order · Sarah Johnson",
    },
    {
      lang: "es",
      proven: "Cancelar pedido · #1042 · Sarah Johnson",
      mentioned: "Cancelar pedido · #1042 (mencionado) · Sarah Johnson",
      none: "Cancelar pedido · Sarah Johnson",
    },
    {
      lang: "fr",
      proven: "Annuler la commande · #1042 · Sarah Johnson",
      mentioned: "Annuler la commande · #1042 (mentionnée) · Sarah Johnson",
      none: "Annuler la commande · Sarah Johnson",
    },
    {
      lang: "de",
      proven: "Bestellung stornieren · #1042 · Sarah Johnson",
      mentioned: "Bestellung stornieren · #1042 (erwähnt) · Sarah Johnson",
      none: "Bestellung stornieren · Sarah Johnson",
    },
  ])("a cancellation in $lang: proven, mentioned, no order", ({ lang, proven, mentioned, none }) => {
    expect(escalationSubject(view({ request: "cancel_order" }, lang))).toBe(proven);
    expect(escalationSubject(view({ request: "cancel_order", order: null, mentionedOrderName: "#1042" }, lang))).toBe(mentioned);
    expect(escalationSubject(view({ request: "cancel_order", order: null }, lang))).toBe(none);
  });

  it.each(LANGUAGES)("every problem has its own words in %s, never the mood", (lang) => {
    const words = ALL_PROBLEMS.map((p) => EMAIL_LABELS[lang].problems[p]);
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w).not.toMatch(/frustrat|upset|pressed|Escalation/i);
  });

  it("keeps [URGENT], falls back on the shopper's email, stays one capped line", () => {
    expect(escalationSubject(view({ priority: "urgent", request: "damaged_item", customer: null, order: { ...SEED_ORDER, customer: null } }))).toBe(
      "[URGENT] Damaged item · #1042 · sarah@example.com",
    );
    const long = escalationSubject(view({ priority: "urgent", request: "refund", order: null, mentionedOrderName: `#${"9".repeat(400)}` }));
    expect(long.startsWith("[URGENT] Refund request · #999")).toBe(true);
    expect(Array.from(long).length).toBeLessThanOrEqual(200);
    expect(long).not.toMatch(/[\r\n]/);
  });

  it.each<[string, Partial<EscalationCaseView>, CaseProblem]>([
    ["the request wins over topic and triggers", { request: "change_address", topic: "refund", reasons: ["negative_sentiment"] }, "change_address"],
    ["no request: the topic", { request: null, topic: "refund", reasons: ["negative_sentiment"] }, "refund"],
    ["no request, topic other: an explicit request", { request: null, topic: "other", reasons: ["negative_sentiment", "explicit_request"] }, "talk_to_person"],
    ["no request, topic other: the mood reads as a complaint", { request: null, topic: "other", reasons: ["negative_sentiment"] }, "complaint"],
    ["nothing at all", { request: null, topic: "other", reasons: [] }, "other"],
  ])("problem: %s", (_name, over, problem) => {
    expect(caseProblem(view(over))).toBe(problem);
  });

  it("never carries the model's note or the detector's words", () => {
    const subject = escalationSubject(
      view({ request: null, topic: "other", reasons: ["threat"], reasonText: `${MODEL_NOTE_PREFIX}VIP, legal threat, chargeback` }),
    );
    expect(subject).toBe("Complaint · #1042 · Sarah Johnson");
  });

  it("the stored-column helper gives the same subject", () => {
    const v = view({ request: "return_item" }, "fr");
    expect(
      caseSubject({
        priority: v.priority,
        orderName: "#1042",
        request: "return_item",
        customerName: "Sarah Johnson",
        shopperEmail: v.shopperEmail,
        locale: "fr",
      }),
    ).toBe(escalationSubject(v));
  });
});

describe("the request line names the request, then the mood", () => {
  it.each([
    ["en", "REQUEST: Wants to cancel order #1042 — ownership proven", "Also noted: Upset or increasingly frustrated"],
    ["es", "SOLICITUD: Quiere cancelar el pedido #1042 — titularidad comprobada", "También: Molesto o cada vez más frustrado"],
    ["fr", "DEMANDE : Veut annuler la commande #1042 — propriété vérifiée", "Également : Mécontent ou de plus en plus frustré"],
    ["de", "ANLIEGEN: Möchte Bestellung #1042 stornieren — Inhaberschaft bestätigt", "Außerdem: Verärgert oder zunehmend frustriert"],
  ])("%s", (lang, request, mood) => {
    const text = plain(composeEscalationEmail(view({ request: "cancel_order", reasons: ["negative_sentiment"] }, lang)).text);
    expect(text).toContain(`${request}\n`);
    expect(text.indexOf(mood)).toBeGreaterThan(text.indexOf(request));
  });

  it.each(LANGUAGES)("%s: a trigger the request line already says is not noted again", (lang) => {
    const L = EMAIL_LABELS[lang];
    // the line under the request, in the text part and in the HTML header
    const noted = (e: { text: string; html: string }) => [
      plain(e.text)
        .split("\n")
        .find((line) => line.startsWith(plain(L.alsoNoted))) ?? "",
      plain(e.html).match(/<\/h1><p[^>]*>([^<]*)<\/p>/)?.[1] ?? "",
    ];
    const asked = composeEscalationEmail(view({ request: "talk_to_person", reasons: ["explicit_request", "negative_sentiment"] }, lang));
    for (const line of noted(asked)) {
      expect(line).toContain(plain(L.reasonLabels.negative_sentiment));
      expect(line).not.toContain(plain(L.reasonLabels.explicit_request));
    }
    const only = composeEscalationEmail(view({ request: "talk_to_person", reasons: ["explicit_request"] }, lang));
    const [text, html] = noted(only);
    expect(text).toBe("");
    expect(html).toBe(`${plain(L.confidence)} 87%`);
  });

  it("the detector's note is left out when it could only repeat the request line", () => {
    const note = "Shopper asked to talk to a person";
    const alone = composeEscalationEmail(view({ request: "talk_to_person", reasons: ["explicit_request"], reasonText: note }));
    expect(alone.text).not.toContain("Details:");
    expect(alone.html).not.toContain("Details:");
    const upset = composeEscalationEmail(
      view({ request: "talk_to_person", reasons: ["explicit_request", "negative_sentiment"], reasonText: `${note}, is upset` }),
    );
    expect(upset.text).toContain(`Details: ${note}, is upset`);
    const complaint = composeEscalationEmail(view({ request: "complaint", reasons: ["complaint"], reasonText: "Says the item arrived damaged" }));
    expect(complaint.text).toContain("Details: Says the item arrived damaged");
  });

  it("a request line that names the problem carries its triggers: no label or note repeats it", () => {
    const wrong = composeEscalationEmail(view({ request: "wrong_item", reasons: ["complaint"], reasonText: "Received the wrong item" }));
    expect(wrong.text).toContain("REQUEST: Received the wrong item in order #1042");
    expect(wrong.text).not.toContain("Also noted");
    expect(wrong.text).not.toContain("Details:");
    const refund = composeEscalationEmail(view({ request: "refund", reasons: ["authority_limit"], reasonText: "Asks for a refund over the limit" }));
    expect(refund.text).toContain("Also noted: Refund or compensation beyond the assistant's limit");
  });

  it("an unproven order is named as mentioned, and no details are given", () => {
    const e = composeEscalationEmail(view({ request: "refund", order: null, customer: null, mentionedOrderName: "#1043" }));
    expect(e.text).toContain("REQUEST: Asks for a refund for order #1043 — mentioned, ownership not proven");
    expect(e.text).toContain("ORDER DETAILS: the shopper mentioned order #1043 but did not prove it is theirs");
    expect(e.text).not.toContain("admin.shopify.com/store/yourstore/orders/");
  });

  it("a signed-in shopper's attached order reads as proven", () => {
    const e = composeEscalationEmail(view({ request: "missing_parcel", mentionedOrderName: null }));
    expect(e.subject).toBe("Parcel not received · #1042 · Sarah Johnson");
    expect(e.text).toContain("REQUEST: Has not received order #1042 — ownership proven");
  });

  it("every request reads in every language, with and without an order", () => {
    for (const lang of LANGUAGES) {
      for (const p of ALL_PROBLEMS) {
        const withOrder = EMAIL_LABELS[lang].requests[p]("#1042");
        const without = EMAIL_LABELS[lang].requests[p](null);
        expect(without).not.toContain("null");
        expect(without).not.toContain("#1042");
        if (!["account", "product_question", "privacy", "safety", "fraud"].includes(p)) expect(withOrder).toContain("#1042");
      }
    }
  });
});

describe("links into Shopify admin", () => {
  it("links the order and the customer when their ids are Shopify's", () => {
    const e = composeEscalationEmail(view());
    expect(e.text).toContain("Open the order in Shopify: https://admin.shopify.com/store/yourstore/orders/5001042");
    expect(e.text).toContain("Open the customer in Shopify: https://admin.shopify.com/store/yourstore/customers/7001");
    expect(e.html).toContain('href="https://admin.shopify.com/store/yourstore/orders/5001042"');
    expect(e.html).toContain('href="https://admin.shopify.com/store/yourstore/customers/7001"');
  });

  it("no link for an id that is not a Shopify order or customer", () => {
    const e = composeEscalationEmail(
      view({ order: { ...SEED_ORDER, id: "gid://shopify/Product/1", customer: null }, customer: { ...SEED_ORDER.customer!, id: "local-7" } }),
    );
    expect(e.text).not.toContain("Open the order in Shopify");
    expect(e.text).not.toContain("Open the customer in Shopify");
  });
});

describe("times on the shop's clock", () => {
  it.each([
    ["en", "America/New_York", "[Feb 21, 2026, 9:03 AM EST] Shopper wrote:"],
    ["en-GB", "Europe/London", "[21 Feb 2026, 14:03 GMT] Shopper wrote:"],
    ["de", "Europe/Berlin", "[21. Feb. 2026, 15:03 MEZ] Kunde schrieb:"],
    ["es", "Europe/Madrid", "[21 feb 2026, 15:03 CET] El cliente escribió:"],
    ["fr", "America/Montreal", "[21 févr. 2026, 09:03 UTC−5] Le client a écrit :"],
    ["en", "Not/AZone", "[Feb 21, 2026, 2:03 PM UTC] Shopper wrote:"],
  ])("%s in %s", (locale, zone, line) => {
    const e = composeEscalationEmail(view({ shop: shopIn(locale, zone) }));
    expect(plain(e.text)).toContain(line);
  });

  it("a summer time shows the summer zone", () => {
    const e = composeEscalationEmail(view({ transcript: [{ role: "shopper", text: "Hi", at: "2026-07-01T16:00:00Z" }] }));
    expect(e.text).toContain("[Jul 1, 2026, 12:00 PM EDT] Shopper wrote:");
  });
});

describe("the whole email in the shop's language, the transcript verbatim", () => {
  const ENGLISH_WORDS = new RegExp(
    ["Shopper wrote", "Assistant wrote", "Order details", "ORDER DETAILS", "CUSTOMER EMAIL", "Reply to this email", "Sent by Baton"]
      .concat(["View the case", "Priority", "Payment", "Tracking", "Total spent", "Also noted", "REQUEST"])
      .join("|"),
  );
  it.each(["es", "fr", "de"] as Language[])("%s: no English label, every shopper and assistant line kept as written", (lang) => {
    const e = composeEscalationEmail(view({ request: "missing_parcel" }, lang));
    const withoutTranscript = e.text.replace(/^> .*$/gm, "");
    expect(withoutTranscript).not.toMatch(ENGLISH_WORDS);
    expect(e.html.replace(/<blockquote[\s\S]*?<\/blockquote>/g, "")).not.toMatch(ENGLISH_WORDS);
    expect(e.html).toContain(`<html lang="${lang}">`);
    for (const line of SEED_TRANSCRIPT) expect(e.text).toContain(`> ${line.text}`);
    // The stored summary is English: the email quotes the shopper instead.
    expect(e.text).not.toContain("Shopper says order #1042");
    expect(e.text).toContain(`${EMAIL_LABELS[lang].shopper}: “Where is my order #1042?`);
  });

  it("an unsupported shop language reads English", () => {
    expect(composeEscalationEmail(view({ request: "refund" }, "pt-BR")).subject).toBe("Refund request · #1042 · Sarah Johnson");
  });

  it("amounts in the shop's conventions", () => {
    expect(plain(composeEscalationEmail(view({}, "de")).text)).toContain("• Summe: 74,50 $");
    expect(plain(composeEscalationEmail(view({}, "fr")).text)).toContain("• Total : 74,50 $US");
  });

  it("labels exist for every status Shopify sends, in every language", () => {
    for (const lang of LANGUAGES) {
      for (const table of ["financial", "fulfillmentStatus", "shipmentStatus"] as const) {
        expect(Object.keys(EMAIL_LABELS[lang][table]).sort()).toEqual(Object.keys(EMAIL_LABELS.en[table]).sort());
      }
    }
  });
});

describe("follow-ups read like the case email", () => {
  const lines = [{ role: "shopper" as const, text: "¿Alguna novedad?", at: "2026-02-21T15:00:00Z" }];

  it.each([
    [
      "en",
      "Re: Wrong item · #1042 · Sarah Johnson",
      "Case: Received the wrong item in order #1042 — ownership proven · High priority",
      "[Feb 21, 2026, 10:00 AM EST]",
    ],
    [
      "es",
      "Re: Artículo equivocado · #1042 · Sarah Johnson",
      "Caso: Recibió un artículo equivocado en el pedido #1042 — titularidad comprobada · prioridad alta",
      "[21 feb 2026, 10:00 GMT-5]",
    ],
    [
      "fr",
      "Re: Mauvais article · #1042 · Sarah Johnson",
      "Cas : A reçu un mauvais article dans la commande #1042 — propriété vérifiée · priorité haute",
      "[21 févr. 2026, 10:00 UTC−5]",
    ],
    [
      "de",
      "Re: Falscher Artikel · #1042 · Sarah Johnson",
      "Fall: Hat in Bestellung #1042 einen falschen Artikel erhalten — Inhaberschaft bestätigt · Priorität hoch",
      "[21. Feb. 2026, 10:00 GMT-5]",
    ],
  ])("%s", (lang, subject, reminder, time) => {
    const v = view({ request: "wrong_item" }, lang);
    const f = composeFollowUpEmail(v, lines, "<f@x>");
    expect(f.subject).toBe(subject);
    expect(f.subject).toBe(`Re: ${composeEscalationEmail(v).subject}`);
    expect(plain(f.text)).toContain(reminder);
    expect(plain(f.text)).toContain(time);
    expect(f.text).toContain("> ¿Alguna novedad?");
  });

  it("a mentioned order stays mentioned in the thread", () => {
    const f = composeFollowUpEmail(view({ request: "cancel_order", order: null, mentionedOrderName: "#1044" }), lines, "<f@x>");
    expect(f.subject).toBe("Re: Cancel order · #1044 (mentioned) · Sarah Johnson");
    expect(f.text).toContain("Case: Wants to cancel order #1044 — mentioned, ownership not proven · High priority");
  });
});
