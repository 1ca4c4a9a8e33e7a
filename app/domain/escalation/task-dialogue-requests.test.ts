import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { committedModel } from "./model/committed-model";
import { scoreWithModel } from "./model/detector-model";
import { normalizeText } from "./normalize";
import { readRuleSignals, ruleFeatures } from "./rule-signals";
import { defaultEscalationSettings } from "./settings";

// Issue 26, fifth pass (decision 0085): hotel and banking task dialogue asks for a person by staff and role (the
// front desk, a mortgage advisor, someone from the branch to ring back), while the same places and roles in a
// routine question stay routine; an errand with no one in it is never a request, even when the model's request
// head scores it high; a status question is not a complaint. Hand-written here; none is a training row or a probe
// of `tools/detector/frozen-probe-sets.ts`.

const judge = (text: string, model?: null) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model });

describe("requests for a person by staff and role", () => {
  it.each([
    "could i talk to the receptionist",
    "i'd like to speak to the night manager please",
    "can i chat with a loans advisor",
    "please put me in touch with your mortgage team",
    "i want to have a word with the concierge",
    "can i get transferred to the reservations desk",
    "could someone from the branch ring me tomorrow",
    "i need somebody at the hotel to phone me",
    "could anyone from reception give me a call",
    "i'd like to arrange a call from the bank",
    "i'd prefer to discuss my loan with a person",
  ])("%s → explicit_request (rules alone)", (text) => {
    expect(judge(text, null).reasons).toContain("explicit_request");
  });

  it.each([
    "what time does reception close",
    "is the front desk staffed overnight",
    "can i call you back later",
    "the receptionist gave me the wrong key",
    "does the concierge book theatre tickets",
    "how do i reach the hotel from the airport",
    "who do i contact about my stolen wallet",
  ])("%s → no explicit_request", (text) => {
    expect(judge(text).reasons).not.toContain("explicit_request");
    expect(judge(text, null).reasons).not.toContain("explicit_request");
  });
});

describe("errands and status questions stay routine", () => {
  it.each(["get me a cab", "get me a plumber"])("%s → no request for a person, though the model's request head scores it high", (text) => {
    const model = committedModel()!;
    const message = normalizeText(text);
    const p = scoreWithModel(model, message, ruleFeatures(readRuleSignals(message, defaultEscalationSettings.languages))).explicit_request;
    expect(p).toBeGreaterThanOrEqual(model.thresholds.explicit_request);
    expect(judge(text).reasons).not.toContain("explicit_request");
  });

  it.each(["can i talk with u", "i want to contact you"])("%s → the model's request still counts (a verb of reaching a person passes the gate)", (text) => {
    expect(judge(text, null).reasons).not.toContain("explicit_request");
    expect(judge(text).signals).toContainEqual(expect.objectContaining({ reason: "explicit_request", source: "model" }));
  });

  it.each(["has my train been cancelled", "have the trains to boston been delayed today", "did my flight get moved"])("%s → no complaint (rules)", (text) => {
    expect(judge(text, null).reasons).not.toContain("complaint");
  });
});
