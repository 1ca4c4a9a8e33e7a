import { describe, expect, it } from "vitest";
import { detectEscalation } from "./detect-escalation";
import { defaultEscalationSettings } from "./settings";
import type { ReasonCode } from "./types";

// Issue 26, third pass (decision 0078), rules alone: a question that asks HOW to dispute, or what to do
// about a lost bag, or where money one moved has got to, is an assistant's task, while the same words said as an
// intention (or about a return) still escalate; and
// the task-dialogue ways of asking for a person (a call back, a number to call, who to talk to). Hand-written
// here; none of these texts is a training row.

const rulesOnly = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model: null });

describe("rules — procedures and errands stay with the assistant", () => {
  it.each([
    "how would i go about disputing a transaction on my visa",
    "can you show me how to dispute a payment",
    "what's the procedure for a chargeback",
    "how do chargebacks work",
    "i have to go to the bank to order a new card",
    "how do i contact my bank about a pending transfer",
    "my suitcase got lost on the way to rome, what should i do",
    "the airline lost my bags, how do i get them back",
    "my train got cancelled, can you find me another one",
    "who do i call to activate my card",
    "what number do i call to book a table",
    "can you call me dave from now on",
    "i topped up my account this morning and the money still isn't showing",
    "where is the money i transferred to my landlord",
    // fourth pass: who to talk to about a bank errand is a routing question (Banking77 files them under the errand)
    "who should i contact about my lost card",
    "who can i speak to regarding a withdrawal that came out wrong",
    "who do i talk to about a direct debit i don't recognise",
  ])("%s → no escalation", (text) => {
    expect(rulesOnly(text).escalate).toBe(false);
  });
});

describe("rules — intentions and requests for a person still escalate", () => {
  it.each<[string, ReasonCode]>([
    ["i will dispute this charge with my bank", "threat"],
    ["refund me or i will call my bank", "threat"],
    ["i am going to file a chargeback", "threat"],
    ["@airline lost my bags again, what should i do", "complaint"],
    ["i would like a call back today", "explicit_request"],
    ["can somebody please call me back", "explicit_request"],
    ["is there a number i can call to speak to someone", "explicit_request"],
    ["what number can i ring", "explicit_request"],
    ["who can i talk to about my booking", "explicit_request"],
    ["who should i contact about this", "explicit_request"],
    ["who can i speak to about my hotel reservation", "explicit_request"],
    ["hello, is anybody there?", "explicit_request"],
    ["can i speak with my account manager", "explicit_request"],
    ["how can i reach a member of staff", "explicit_request"],
    ["i posted the shoes back two weeks ago, where is my money?", "order_state"],
  ])("%s → %s", (text, reason) => {
    expect(rulesOnly(text).reasons).toContain(reason);
  });
});
