import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { defaultEscalationSettings, escalationSettingsSchema, type EscalationSettings } from "./settings";
import type { DetectorMessage, EscalationContext, ReasonCode } from "./types";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 1, 20);

function judge(text: string, context: EscalationContext = {}, settings: EscalationSettings = defaultEscalationSettings) {
  return detectEscalation({ messages: [{ role: "shopper", text }] }, context, settings);
}
function settingsWith(patch: Record<string, unknown>): EscalationSettings {
  return escalationSettingsSchema.parse(patch);
}

describe("detectEscalation — single message", () => {
  it.each<[string, string, ReasonCode | null]>([
    // explicit requests, wording variety, typos, languages
    ["plain", "I want to talk to a human", "explicit_request"],
    ["manager", "let me speak to your manager", "explicit_request"],
    ["typo", "can i speak to a humna please", "explicit_request"],
    ["typo: wit", "i dont know how i can chat wit a person", "explicit_request"],
    ["typo: chattinb", "help chattinb with an operator", "explicit_request"],
    ["run together", "assistance tospeak with an operator", "explicit_request"],
    ["profane filler", "need to contact a damn person", "explicit_request"],
    // anger beyond the lexicon's plain words: self-censored and compound profanity, violence, insults
    ["censored profanity", "You Dirty F*king Heathen.", "negative_sentiment"],
    ["censored verb", "they just f*ck you over every single time", "negative_sentiment"],
    ["misspelled profanity", "FUCKKNG PLEASE", "negative_sentiment"],
    ["compound insult", "I immediately block these shitheads/asshats", "negative_sentiment"],
    ["violence at a person", "She sounds abusive. Delete your facebook and kill her.", "negative_sentiment"],
    ["violence idiom", "Then it'll hurt more when I kick it in the balls.", "negative_sentiment"],
    ["insult noun", "She's a bloody sociopath.", "negative_sentiment"],
    ["kill time is not anger", "I am just killing time until my order arrives", null],
    ["punchline is not violence", "the punchline of that ad was great", null],
    ["bare", "agent!!", "explicit_request"],
    ["transfer", "please transfer me to a representative", "explicit_request"],
    ["is anyone there", "is there someone available to talk?", "explicit_request"],
    ["es", "quiero hablar con un agente", "explicit_request"],
    ["fr", "je voudrais parler à un conseiller", "explicit_request"],
    ["de", "Ich möchte mit einem Mitarbeiter sprechen", "explicit_request"],
    // negations must not fire
    ["negated en", "I don't need a human, just tell me the return window", null],
    ["negated en 2", "no need to talk to an agent, thanks", null],
    ["negated es", "no necesito hablar con un agente, gracias", null],
    ["negated de", "ich brauche keinen Mitarbeiter", null],
    ["advice to others", "you should talk to someone about that", null],
    // routine questions stay with the assistant
    ["track", "where is my order?", null],
    ["return", "how do I return an item?", null],
    ["ship", "do you ship to Canada?", null],
    ["cancel", "I want to cancel my order", null],
    ["address", "can I change my shipping address?", null],
    ["policy", "what is your refund policy?", null],
    ["bank card", "my card still hasn't arrived, when will it come?", null],
    ["alarm", "set an alarm for 7am", null],
    ["weather", "what's the weather like tomorrow", null],
    ["delete account", "how do I delete my account?", null],
    // complaints
    ["never arrived", "I ordered 3 weeks ago and my package never arrived", "complaint"],
    ["no sign of it", "still no sign of my order, it was due on monday", "complaint"],
    ["wrong item", "you sent me the wrong item", "complaint"],
    ["damaged", "the vase arrived broken", "complaint"],
    ["file complaint", "I want to file a complaint", "complaint"],
    ["not working", "the charger stopped working after two days", "complaint"],
    // threats
    ["chargeback", "I'll file a chargeback with my bank", "threat"],
    ["lawyer", "my lawyer will be in touch", "threat"],
    ["review", "I'm leaving a 1 star review", "threat"],
    // anger
    ["angry", "This is absolutely unacceptable, I'm furious", "negative_sentiment"],
    ["profanity praise", "holy shit this jacket is amazing", null],
    // sensitive topics
    ["privacy", "please delete all my personal data (GDPR)", "sensitive_topic"],
    ["allergy", "my son had an allergic reaction to the snack", "sensitive_topic"],
    ["fraud", "there is an unauthorized charge from your store on my card", "sensitive_topic"],
    // authority and refund status
    ["refund demand", "I want a full refund", "authority_limit"],
    ["refund status", "where is my refund?", "order_state"],
  ])("%s: %s", (_, text, reason) => {
    const d = judge(text);
    if (reason === null) {
      expect(d.escalate, JSON.stringify(d.reasons)).toBe(false);
      expect(d.priority).toBe("low");
    } else {
      expect(d.escalate).toBe(true);
      expect(d.reasons).toContain(reason);
      expect(d.reasonText.length).toBeGreaterThan(0);
    }
  });

  it("the button always escalates, even with explicit requests switched off", () => {
    const settings = settingsWith({ explicitRequest: { enabled: false } });
    const d = detectEscalation({ messages: [] }, { action: "talk_to_human" }, settings);
    expect(d.escalate).toBe(true);
    expect(d.reasons).toEqual(["explicit_request"]);
    expect(d.confidence).toBe(1);
  });

  it("blank text does not escalate", () => {
    expect(judge("   ").escalate).toBe(false);
  });
});

describe("detectEscalation — settings switches", () => {
  it.each<[string, string, Record<string, unknown>]>([
    ["explicit", "I want to talk to a human", { explicitRequest: { enabled: false } }],
    ["complaint", "you sent me the wrong item", { complaint: { enabled: false } }],
    ["threat", "I'll file a chargeback", { threat: { enabled: false }, authorityLimit: { enabled: false } }],
    ["sentiment", "This is absolutely unacceptable, I'm furious", { negativeSentiment: { enabled: false }, complaint: { enabled: false } }],
    ["authority", "I want a full refund", { authorityLimit: { enabled: false } }],
  ])("%s switched off does not fire", (_, text, patch) => {
    expect(judge(text).escalate).toBe(true);
    expect(judge(text, {}, settingsWith(patch)).escalate).toBe(false);
  });

  it("merchant keywords fire case- and accent-insensitively", () => {
    const settings = settingsWith({ keywords: ["wholesale", "légal"] });
    expect(judge("Do you do WHOLESALE pricing?", {}, settings).reasons).toContain("keyword");
    expect(judge("is this legal in my country", {}, settings).reasons).toContain("keyword");
    expect(judge("Do you do WHOLESALE pricing?").escalate).toBe(false);
  });

  it("a refund within the assistant's limit does not hit the authority limit", () => {
    const settings = settingsWith({ authorityLimit: { maxRefundAmount: 20 } });
    expect(judge("I want a refund of $15", {}, settings).reasons).not.toContain("authority_limit");
    expect(judge("I want a refund of $150", {}, settings).reasons).toContain("authority_limit");
  });

  it("VIP lowers thresholds and raises priority", () => {
    const vip: EscalationContext = { customer: { tags: ["VIP"], totalSpent: 50, orderCount: 1 } };
    const plain = judge("I want to talk to a human");
    const special = judge("I want to talk to a human", vip);
    expect(plain.priority).toBe("normal");
    expect(special.priority).toBe("high");
    expect(special.reasons).toContain("vip");
    expect(special.reasonText).toContain("VIP");
    const strict = settingsWith({ complaint: { threshold: 0.99 }, vip: { lowerThresholdBy: 0 } });
    const loweredBy = settingsWith({ complaint: { threshold: 0.99 }, vip: { lowerThresholdBy: 0.5 } });
    const text = "why is this still happening again, so disappointing";
    expect(judge(text, vip, strict).reasons).not.toContain("complaint");
    expect(judge(text, vip, loweredBy).reasons).toContain("complaint");
  });
});

describe("detectEscalation — order state", () => {
  it("delivered but not received, with a chargeback threat → urgent, readable reason", () => {
    const d = judge("It says delivered but I never received it. I'll do a chargeback", {
      order: { delivered: true, deliveredAt: NOW - 2 * DAY, fulfillmentStatus: "FULFILLED" },
    });
    expect(d.reasons).toEqual(expect.arrayContaining(["order_state", "threat"]));
    expect(d.priority).toBe("urgent");
    expect(d.reasonText).toMatch(/^Shopper says order was never received although tracking shows delivered/);
    expect(d.reasonText).toContain("threatens chargeback");
    expect(d.topic).toBe("shipping");
  });

  it.each<[string, number, boolean]>([
    ["stalled beyond N days", 9, true],
    ["within N days", 3, false],
  ])("unfulfilled order %s", (_, ageDays, expected) => {
    const d = judge("any news on my order?", { now: NOW, order: { fulfillmentStatus: "UNFULFILLED", createdAt: NOW - ageDays * DAY } });
    expect(d.escalate).toBe(expected);
  });
});

describe("detectEscalation — multi-turn", () => {
  const conversation = (shopper: string[], unhelpful = false): DetectorMessage[] =>
    shopper
      .flatMap((text) => [
        { role: "shopper" as const, text },
        { role: "assistant" as const, text: "Let me check that.", assistantUnhelpful: unhelpful },
      ])
      .slice(0, -1);

  it.each<[string, string[], ReasonCode | null]>([
    [
      "frustration rising",
      ["where is my order?", "it still has not moved?? seriously", "this is getting really annoying, nothing works!!"],
      "negative_sentiment",
    ],
    ["calm conversation", ["do you ship to Canada?", "great, and how long does it take?", "thanks!"], null],
    ["repeated question", ["how do I change the size of my order", "how do I change the size of my order?"], "repeated_failure"],
  ])("%s", (_, turns, reason) => {
    const d = detectEscalation({ messages: conversation(turns) }, {}, defaultEscalationSettings);
    if (reason === null) expect(d.escalate).toBe(false);
    else expect(d.reasons).toContain(reason);
  });

  it("N assistant failures escalate", () => {
    const messages = conversation(["what sizes fit a 10 year old?", "and for 12?", "ok and 14?"], true);
    expect(detectEscalation({ messages }, {}, defaultEscalationSettings).reasons).toContain("repeated_failure");
    expect(detectEscalation({ messages }, {}, settingsWith({ repeatedFailure: { maxAssistantFailures: 5 } })).escalate).toBe(false);
  });

  it("low model confidence escalates only when an LLM reports it", () => {
    expect(judge("what material is the lining?", { modelConfidence: 0.1 }).reasons).toContain("repeated_failure");
    expect(judge("what material is the lining?", { modelConfidence: 0.9 }).escalate).toBe(false);
  });
});

describe("detectEscalation — priority and topic", () => {
  it.each<[string, string, string, string]>([
    ["safety is urgent", "the heater caught fire and burned my hand", "urgent", "safety"],
    ["privacy is high", "delete my personal data please", "high", "privacy"],
    ["plain request is normal", "can I talk to a person?", "normal", "other"],
    ["refund routes to refund", "I want my money back for this order", "normal", "refund"],
    ["damaged routes to product", "the mug arrived cracked", "normal", "product"],
  ])("%s", (_, text, priority, topic) => {
    const d = judge(text);
    expect(d.escalate).toBe(true);
    expect(d.priority).toBe(priority);
    expect(d.topic).toBe(topic);
  });
});
