import { decode } from "turbo-stream";
import type { Db } from "../../app/db.server";

// Shared by the admin integration and browser tests: seed cases straight into the database (as the
// case writer would leave them) and talk to Remix loaders/actions over HTTP with single fetch.

export { DEMO_SHOP_DOMAIN as DEMO, OTHER_SHOP_DOMAIN as OTHER } from "../fixtures/shopify-orders";

export interface SeedCaseInput {
  shop: string;
  id: string;
  createdAt: Date;
  /** seconds from conversation start to escalation (sets Conversation.escalatedAt) */
  escalateAfterSec?: number;
  status?: string;
  priority?: string;
  reasons?: string[];
  topic?: string;
  shopperEmail?: string | null;
  orderName?: string | null;
  /** outbox row of the case email; null = no email */
  email?: { status: "pending" | "sent" | "failed"; attempts?: Array<{ ok: boolean; error?: string; response?: string }>; to?: string[] } | null;
}

/** A conversation with two messages, its escalation case, the case email and its attempts. */
export async function seedCase(db: Db, c: SeedCaseInput): Promise<{ caseId: string; conversationId: string; outboxId: string | null; messageId: string }> {
  const conversationId = `conv-${c.id}`;
  const escalatedAt = new Date(c.createdAt.getTime() + (c.escalateAfterSec ?? 60) * 1000);
  await db.conversation.create({
    data: { id: conversationId, shop: c.shop, state: "escalated", shopperEmail: c.shopperEmail ?? null, createdAt: c.createdAt, escalatedAt },
  });
  await db.message.createMany({
    data: [
      { conversationId, role: "shopper", text: `Where is my order ${c.orderName ?? ""}? (${c.id})`, createdAt: c.createdAt },
      { conversationId, role: "assistant", text: "I'll connect you with our support team.", createdAt: new Date(c.createdAt.getTime() + 1000) },
    ],
  });
  const messageId = `<case-${c.id}@baton.test>`;
  await db.escalationCase.create({
    data: {
      id: c.id,
      shop: c.shop,
      conversationId,
      status: c.status ?? (c.email?.status === "failed" ? "failed" : c.email?.status === "sent" ? "sent" : "queued"),
      reasons: c.reasons ?? ["explicit_request"],
      reasonText: `Seeded case ${c.id}`,
      topic: c.topic ?? "shipping",
      priority: c.priority ?? "normal",
      confidence: 0.8,
      signals: [{ reason: (c.reasons ?? ["explicit_request"])[0], score: 0.9, evidence: `evidence for ${c.id}` }],
      route: { to: c.email?.to ?? ["support@example.test"], cc: [], from: '"Shop" <escalations@baton.test>' },
      shopperEmail: c.shopperEmail ?? null,
      orderName: c.orderName ?? null,
      orderFacts: c.orderName ? { name: c.orderName, financialStatus: "PAID", fulfillmentStatus: "FULFILLED", fulfillments: [], items: [] } : undefined,
      summary: `Summary of ${c.id}`,
      messageId,
      messagesEmailed: 2,
      createdAt: escalatedAt,
    },
  });
  if (!c.email) return { caseId: c.id, conversationId, outboxId: null, messageId };
  const attempts = c.email.attempts ?? (c.email.status === "pending" ? [] : [{ ok: c.email.status === "sent" }]);
  const row = await db.outboxEmail.create({
    data: {
      shop: c.shop,
      caseId: c.id,
      kind: "case",
      status: c.email.status,
      messageId,
      fromAddress: '"Shop" <escalations@baton.test>',
      toAddresses: (c.email.to ?? ["support@example.test"]).join(", "),
      replyTo: c.shopperEmail ?? null,
      subject: `Escalation — ${c.orderName ?? "no order"} — ${c.shopperEmail ?? ""} (${c.id})`,
      textBody: `Text body of ${c.id}`,
      htmlBody: `<p>HTML body of <b>${c.id}</b></p><script>parent.document.title="pwned"</script>`,
      attempts: attempts.length,
      sentAt: c.email.status === "sent" ? escalatedAt : null,
      failedAt: c.email.status === "failed" ? escalatedAt : null,
      lastError: c.email.status === "failed" ? "550 5.1.1 Mailbox does not exist" : null,
      createdAt: escalatedAt,
      nextAttemptAt: c.email.status === "pending" ? new Date(Date.now() + 3_600_000) : escalatedAt,
      coversUpTo: 2,
    },
  });
  for (const [i, a] of attempts.entries()) {
    await db.deliveryAttempt.create({
      data: {
        outboxId: row.id,
        at: new Date(escalatedAt.getTime() + i * 1000),
        ok: a.ok,
        error: a.ok ? null : (a.error ?? "550 5.1.1 Mailbox does not exist"),
        response: a.ok ? (a.response ?? "250 OK") : null,
        durationMs: 12,
      },
    });
  }
  return { caseId: c.id, conversationId, outboxId: row.id, messageId };
}

/** A conversation that never escalated. */
export async function seedPlainConversation(db: Db, shop: string, id: string, createdAt: Date): Promise<void> {
  await db.conversation.create({ data: { id, shop, state: "open", createdAt } });
}

async function decodeBody(res: Response): Promise<unknown> {
  // Remix encodes thrown responses as ["ErrorResponse", data, status, statusText].
  const decoded = await decode(res.body!, {
    plugins: [
      (type: string, ...values: unknown[]) => (type === "ErrorResponse" ? { value: { data: values[0], status: values[1], statusText: values[2] } } : undefined),
    ],
  });
  await decoded.done;
  return decoded.value;
}

/** GET a route's loader data with Remix single fetch (`/path.data?_routes=<routeId>`). */
export async function loaderData<T = any>(origin: string, path: string, routeId: string): Promise<{ status: number; data: T; error?: unknown }> {
  const url = new URL(`${origin}${path}`);
  url.pathname = `${url.pathname.replace(/\/$/, "") || "/_root"}.data`;
  url.searchParams.set("_routes", routeId);
  const res = await fetch(url);
  const value = (await decodeBody(res)) as Record<string, { data?: T; error?: unknown }>;
  return { status: res.status, data: value[routeId]?.data as T, error: value[routeId]?.error };
}

/** POST form fields to a route's action with single fetch (`/path.data`). */
export async function actionData<T = any>(
  origin: string,
  path: string,
  fields: Array<[string, string]> | Record<string, string>,
): Promise<{ status: number; data: T }> {
  const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields));
  const url = new URL(`${origin}${path}`);
  url.pathname = `${url.pathname.replace(/\/$/, "")}.data`;
  const res = await fetch(url, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  const value = (await decodeBody(res)) as { data?: T };
  return { status: res.status, data: value.data as T };
}
