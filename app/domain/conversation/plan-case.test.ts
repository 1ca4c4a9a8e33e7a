import { describe, expect, it } from "vitest";
import type { PendingEscalation } from "./types";
import { SEED_ORDER, SEED_TRANSCRIPT } from "../email/fixtures";
import { parseRoutingSettings } from "../routing";
import { planCase, type CaseInput } from "./plan-case";

const ESCALATION: PendingEscalation = {
  escalate: true,
  reasons: ["order_state"],
  reasonText: "Shopper says order was never received although tracking shows delivered",
  priority: "high",
  confidence: 0.9,
  signals: [{ reason: "order_state", score: 0.95, evidence: "Order marked delivered" }],
  topic: "shipping",
};
const NOW = new Date("2026-03-01T10:00:00Z");

function input(over: Partial<CaseInput> = {}): CaseInput {
  return {
    shop: {
      domain: "s.myshopify.com",
      name: "Shop",
      routing: parseRoutingSettings({ defaultTo: ["team@s.example"], ccUrgent: ["lead@s.example"] }),
      contactEmail: "help@s.example",
    },
    conversationId: "conv1",
    escalation: ESCALATION,
    shopperEmail: "sarah@example.com",
    status: "queued",
    caseOrder: { order: SEED_ORDER, unverifiedName: null },
    customer: SEED_ORDER.customer,
    transcript: SEED_TRANSCRIPT,
    prior: null,
    modelSummary: null,
    now: NOW,
    caseId: "c1",
    messageId: "<case-c1@baton.test>",
    from: "Shop <escalations@baton.test>",
    adminCaseUrl: "https://admin.example/cases/c1",
    ...over,
  };
}

describe("planCase", () => {
  it.each([
    { name: "queued with a proven order", over: {}, status: "queued", emails: 1, limited: 0, order: "#1042", facts: true, view: true },
    {
      name: "abandoned: no email, no usage",
      over: { status: "abandoned" as const },
      status: "abandoned",
      emails: 0,
      limited: 0,
      order: "#1042",
      facts: true,
      view: false,
    },
    { name: "limited by the plan", over: { status: "limited" as const }, status: "limited", emails: 0, limited: 1, order: "#1042", facts: true, view: false },
    {
      name: "an order only named: its name, none of its facts",
      over: { caseOrder: { order: null, unverifiedName: "#1047" }, customer: null },
      status: "queued",
      emails: 1,
      limited: 0,
      order: "#1047",
      facts: false,
      view: true,
    },
    {
      name: "queued without an address cannot be emailed",
      over: { shopperEmail: null },
      status: "queued",
      emails: 0,
      limited: 0,
      order: "#1042",
      facts: true,
      view: false,
    },
  ])("$name", ({ over, status, emails, limited, order, facts, view }) => {
    const draft = planCase(input(over))!;
    expect(draft.record.status).toBe(status);
    expect(draft.usage).toEqual({ escalations: emails, limited });
    expect(draft.record.orderName).toBe(order);
    expect(draft.record.orderFacts !== null).toBe(facts);
    expect(draft.view !== null).toBe(view);
  });

  it("uses the ids, clock and links it is given (pure)", () => {
    const draft = planCase(input())!;
    expect(draft.record).toMatchObject({
      id: "c1",
      messageId: "<case-c1@baton.test>",
      createdAt: NOW,
      conversationId: "conv1",
      messagesEmailed: SEED_TRANSCRIPT.length,
    });
    expect(draft.view).toMatchObject({
      caseId: "c1",
      adminCaseUrl: "https://admin.example/cases/c1",
      from: "Shop <escalations@baton.test>",
      to: ["team@s.example"],
    });
    expect(draft.escalatedAt).toEqual(NOW);
    expect(planCase(input())).toEqual(draft);
  });

  it("a named, unproven order reaches the view by name only", () => {
    const draft = planCase(input({ caseOrder: { order: null, unverifiedName: "#1047" }, customer: null }))!;
    expect(draft.view).toMatchObject({ order: null, mentionedOrderName: "#1047", customer: null });
  });

  it.each([
    [{ id: "old", status: "abandoned" }, "old"],
    [{ id: "old", status: "limited" }, "old"],
  ])("replaces an earlier %o case", (prior, replaced) => {
    expect(planCase(input({ prior }))!.replacePriorId).toBe(replaced);
  });

  it.each(["queued", "sent", "failed"])("leaves an active (%s) case alone", (status) => {
    expect(planCase(input({ prior: { id: "old", status } }))).toBeNull();
  });

  it("prefers the model's summary, else summarizes the transcript", () => {
    expect(planCase(input({ modelSummary: "Model says hi." }))!.record.summary).toBe("Model says hi.");
    expect(planCase(input())!.record.summary).toMatch(/^Shopper: “/);
  });

  it("routes urgent cases with the urgent CC", () => {
    const draft = planCase(input({ escalation: { ...ESCALATION, priority: "urgent" } }))!;
    expect(draft.record.route.cc).toContain("lead@s.example");
  });
});
