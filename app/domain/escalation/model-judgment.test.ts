import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { defaultEscalationSettings, escalationSettingsSchema, type EscalationSettings } from "./settings";
import type { ReasonCode } from "./types";

// Rules + the committed model on hand-written messages of each kind the learned model was built for (2026-12-03): wordings of
// asking for a person the rules never listed, refund synonyms, complaint and angry tweets, and
// look-alikes that must stay with the assistant. None of these texts is in the training data.

const judge = (text: string, settings: EscalationSettings = defaultEscalationSettings) =>
  detectEscalation({ messages: [{ role: "shopper", text }] }, {}, settings);
const rulesOnly = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model: null });

describe("rules + model — escalates with the right reason", () => {
  it.each<[string, ReasonCode]>([
    ["hand me over to one of your colleagues", "explicit_request"],
    ["put me thru to the accounts department", "explicit_request"],
    ["can someone from billing give me a call", "explicit_request"],
    ["i refuse to keep chatting with a machine", "explicit_request"],
    ["get me an actual human being on this chat", "explicit_request"],
    ["a real person pls", "explicit_request"],
    ["transfer me to your supervisor right now", "explicit_request"],
    ["I'd like to be reimbursed for the jacket", "authority_limit"],
    ["when do i get my money back??", "authority_limit"],
    ["i was told id be refunded and nothing yet", "authority_limit"],
  ])("%s → %s", (text, reason) => {
    expect(judge(text).reasons).toContain(reason);
  });

  it.each<[string]>([
    ["@AcmeAir flight delayed 5 hours and not a single update from your staff"],
    ["@ShopCo ordered a lamp two weeks ago and it still says processing. useless"],
    ["This is absolutely pathetic, you people are clowns"],
    ["I'm so fed up with this garbage company"],
  ])("complaint or anger: %s", (text) => {
    const d = judge(text);
    expect(d.escalate).toBe(true);
    expect(d.reasons.some((r) => r === "complaint" || r === "negative_sentiment")).toBe(true);
  });

  it("a chargeback stays a threat (rule), with urgent priority", () => {
    const d = judge("if this is not sorted by friday i am filing a chargeback");
    expect(d.reasons).toContain("threat");
    expect(d.priority).toBe("urgent");
  });
});

describe("rules + model — look-alikes stay with the assistant", () => {
  it.each<[string]>([
    ["is this a bot?"],
    ["hello"],
    ["Hello there!"],
    ["hi, good morning"],
    ["ok thanks"],
    ["your delivery driver was so kind"],
    ["what are your opening hours"],
    ["how do I transfer money to another account"],
    ["I want to talk about my order"],
    ["can my sister pick up the parcel for me"],
    ["is the kettle dishwasher safe"],
    ["the support person yesterday was lovely, thanks"],
    ["what's the status of my order 1234"],
    ["do you have this in a size 10"],
    // fourth pass: a setting for the assistant's voice is not a person (voice-setting.ts)
    ["talk to me in french"],
    ["can you talk in german"],
    ["can you speak chinese"],
    // eighth pass (decision 0089): the complaint head leans on the word "complaints" the message negates, and routine
    // public posts (a question, a reply with details, thanks) are not held to the lowered public bars
    ["no complaints at all @grocer, the queue moved so fast today"],
    ["@airline do you allow cats in the cabin to denver?"],
    ["@bank done, sent you a DM with the reference"],
  ])("%s", (text) => {
    const d = judge(text);
    expect(d.escalate, `${d.reasons.join(",")} ${d.signals.map((s) => s.evidence).join(" | ")}`).toBe(false);
  });
});

describe("rules + model — a person named beside a language is still a request", () => {
  it.each<[string]>([["can i talk to someone in spanish"], ["i want to speak to an agent in french"], ["put me through to a human who speaks german"]])(
    "%s",
    (text) => {
      expect(judge(text).reasons).toContain("explicit_request");
    },
  );
});

describe("rules + model — settings", () => {
  it("switching a reason off also switches off its model head", () => {
    const off = escalationSettingsSchema.parse({ explicitRequest: { enabled: false } });
    expect(judge("hand me over to one of your colleagues", off).reasons).not.toContain("explicit_request");
  });

  it("a refund with an amount inside the shop's limit stays with the assistant", () => {
    const generous = escalationSettingsSchema.parse({ authorityLimit: { maxRefundAmount: 50 } });
    expect(judge("I'd like $20 back for the late delivery", generous).reasons).not.toContain("authority_limit");
  });

  it("a more sensitive shop (lower thresholds) escalates at least everything the default does", () => {
    const sensitive = escalationSettingsSchema.parse({ threshold: 0.35, complaint: { threshold: 0.3 }, negativeSentiment: { threshold: 0.35 } });
    for (const text of ["meh, the box was a bit dented", "not impressed with the delivery time", "can i talk to someone"]) {
      if (judge(text).escalate) expect(judge(text, sensitive).escalate).toBe(true);
    }
    expect(judge("the box was dented and the lid is cracked, not happy", sensitive).escalate).toBe(true);
  });

  it("rules alone still work (model: null) and keep the decision shape", () => {
    const d = rulesOnly("I want to talk to a human");
    expect(Object.keys(d).sort()).toEqual(["confidence", "escalate", "priority", "reasonText", "reasons", "score", "signals", "topic"]);
    expect(d.reasons).toEqual(["explicit_request"]);
  });

  it.each<[string]>([
    ["estoy muy enfadado con este servicio"],
    ["ma commande n'est jamais arrivée, c'est inadmissible"],
    ["je suis furieux, personne ne répond"],
    ["meine Bestellung ist nie angekommen, unverschämt"],
    ["ich bin total sauer, niemand antwortet"],
  ])("anger the rules read in another language escalates with the (English) model on too: %s", (text) => {
    expect(rulesOnly(text).reasons).toContain("negative_sentiment");
    expect(judge(text).reasons).toContain("negative_sentiment");
  });
});
