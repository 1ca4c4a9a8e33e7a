import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../app/db.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";
import { redactCustomer } from "../../app/shopify/compliance.server";
import { assembleCustomerExport } from "../../app/shopify/customer-data-request.server";
import { tempSqliteUrl } from "../support/app-server";
import { seedShop } from "../support/seed";

// Issue 30, data rights with team replies: a customer's export carries the team's replies to her
// (TeamMessage) and nothing of other shoppers; customers/redact by any of her identities removes her
// team messages and the mail refused on her cases, and scrubs her address from others' team
// messages and from refused mail kept for the operator.
const SHOP = "data-rights.myshopify.com";
const SARAH = "sarah.rights@example.com";
const WORK = "sarah.rights.work@example.com";
const databaseUrl = tempSqliteUrl();
let db: Db;

function caseData(id: string, email: string, orderName: string) {
  return {
    id,
    shop: SHOP,
    reasons: ["explicit_request"],
    reasonText: "asked for a person",
    priority: "normal",
    confidence: 1,
    signals: [],
    route: {},
    shopperEmail: email,
    orderName,
    summary: `Case ${orderName}`,
    messageId: `<${id}@baton.test>`,
  };
}

beforeAll(async () => {
  await migrateDeploy(databaseUrl);
  await seedShop(databaseUrl, { domain: SHOP });
  db = createDb(databaseUrl);
  // Sarah (signed in as 901) gave her work address; the team answered her twice; a spoofed reply was refused.
  await db.conversation.create({
    data: {
      id: "rights-sarah",
      shop: SHOP,
      customerId: "901",
      shopperEmail: WORK,
      state: "escalated",
      messages: { create: [{ role: "shopper", text: "My mug #1042 arrived broken" }] },
      case: { create: caseData("rights-sarah-case", WORK, "#1042") },
    },
  });
  // Priya's conversation; the team's reply to her happens to name Sarah's address.
  await db.conversation.create({
    data: {
      id: "rights-priya",
      shop: SHOP,
      customerId: "902",
      shopperEmail: "priya.rights@example.com",
      state: "escalated",
      messages: { create: [{ role: "shopper", text: "Where is #1044?" }] },
      case: { create: caseData("rights-priya-case", "priya.rights@example.com", "#1044") },
    },
  });
  const team = (id: string, caseId: string, conversationId: string, text: string, at: number) => ({
    id,
    shop: SHOP,
    caseId,
    conversationId,
    source: "email",
    authorName: "Ana",
    authorEmail: "ana@data-rights.example",
    text,
    messageId: `<${id}@mail.example>`,
    createdAt: new Date(Date.now() - at),
  });
  await db.teamMessage.createMany({
    data: [
      team("tm-sarah-1", "rights-sarah-case", "rights-sarah", "Sorry about the mug, a new one is on its way.", 3000),
      team("tm-sarah-2", "rights-sarah-case", "rights-sarah", "Tracking for the new mug: 1Z999.", 2000),
      team("tm-priya", "rights-priya-case", "rights-priya", `Your parcel #1044 left today (not ${SARAH}'s, that one was sorted).`, 1000),
    ],
  });
  await db.refusedInboundEmail.createMany({
    data: [
      {
        id: "rf-sarah-case",
        shop: SHOP,
        caseId: "rights-sarah-case",
        reason: "not_from_team",
        fromAddress: "spoof@evil.example",
        subject: "Re: #1042",
        sizeBytes: 900,
        excerpt: "Send your card number",
      },
      {
        id: "rf-from-sarah",
        shop: SHOP,
        caseId: "rights-priya-case",
        reason: "not_from_team",
        fromAddress: WORK,
        subject: "Re: #1044",
        sizeBytes: 800,
        excerpt: `I am ${SARAH}`,
      },
      {
        id: "rf-nowhere",
        shop: null,
        caseId: null,
        reason: "not_case_address",
        fromAddress: SARAH,
        toAddress: "x@reply.example",
        sizeBytes: 700,
        excerpt: "hello",
      },
    ],
  });
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
});

describe("a customer's data with team replies", () => {
  it("the export carries the team's replies on her own conversations, in order, and nothing of other shoppers'", async () => {
    const exported = await assembleCustomerExport(db, SHOP, { customer: { id: 901, email: SARAH } }, new Date());
    expect(exported.conversations.map((c) => c.id)).toEqual(["rights-sarah"]);
    expect(exported.conversations[0]!.teamMessages).toEqual([
      { author: "Ana", text: "Sorry about the mug, a new one is on its way.", at: expect.any(String) },
      { author: "Ana", text: "Tracking for the new mug: 1Z999.", at: expect.any(String) },
    ]);
    const json = JSON.stringify(exported);
    // Nothing of Priya's (her team reply names Sarah, but it is Priya's conversation), no refused mail, no staff address.
    for (const foreign of ["priya.rights@example.com", "#1044", "902", "parcel", "spoof@evil.example", "card number", "ana@data-rights.example"])
      expect(json).not.toContain(foreign);
  });

  it("customers/redact removes her team messages and the mail refused on her case, and scrubs her address from others' rows", async () => {
    await redactCustomer(db, SHOP, { customer: { id: 901, email: SARAH } }, "baton.test");
    const [team, refused] = await Promise.all([db.teamMessage.findMany(), db.refusedInboundEmail.findMany()]);
    expect(team.map((t) => t.id)).toEqual(["tm-priya"]);
    expect(refused.map((r) => r.id).sort()).not.toContain("rf-sarah-case");
    const stored = JSON.stringify({ team, refused }).toLowerCase();
    for (const trace of [SARAH, WORK]) expect(stored).not.toContain(trace);
    // Priya's reply still reads, without Sarah's address.
    expect(team[0]!.text).toContain("Your parcel #1044 left today");
  });
});
