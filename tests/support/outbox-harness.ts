import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startSmtpServer, type SmtpServerHandle } from "../servers/smtp-server";
import { composeEscalationEmail } from "../../app/domain/email/compose-escalation-email";
import { SEED_ORDER, SEED_TRANSCRIPT } from "../../app/domain/email/fixtures";
import { createDb, type Db } from "../../app/db.server";
import { loadCaseView } from "../../app/email/load-case-email.server";
import { createMailTransport, type MailTransport } from "../../app/email/mailer.server";
import { enqueueEmail, startOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from "../../app/email/outbox.server";
import { migrateDeploy } from "../../app/platform/prisma-cli.server";

/**
 * What the outbox tests share: a migrated database, a real SMTP server, and helpers that start transports and
 * workers (stopped after each test) and seed escalated cases with their email in the outbox.
 */
export interface OutboxHarness {
  readonly url: string;
  readonly db: Db;
  readonly smtp: SmtpServerHandle;
  transport(): MailTransport;
  worker(over?: Partial<OutboxWorkerOptions>): OutboxWorker;
  seedCase(opts?: {
    now?: Date;
    createdAt?: Date;
    priority?: string;
  }): Promise<{ caseId: string; conversationId: string; outboxId: string; messageId: string }>;
  waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs?: number, what?: string): Promise<T>;
  rowStatus(id: string): ReturnType<Db["outboxEmail"]["findUniqueOrThrow"]>;
  statusIs(id: string, status: string): () => Promise<Awaited<ReturnType<Db["outboxEmail"]["findUniqueOrThrow"]>> | null>;
}

/** The shop every seeded case belongs to. */
export const SHOP = "yourstore.myshopify.com";

export function useOutboxHarness(makeDatabase: () => Promise<{ url: string; drop(): Promise<void> }>): OutboxHarness {
  const adminCaseUrl = (shop: string, caseId: string) => `https://admin.example/${shop}/cases/${caseId}`;
  const FAST = { baseMs: 20, capMs: 100 };
  const quiet = { warn: () => {}, error: () => {} };

  let url: string;
  let drop = async () => {};
  let db: Db;
  let smtp: SmtpServerHandle;
  const open: Array<{ close(): void } | OutboxWorker> = [];

  beforeAll(async () => {
    const database = await makeDatabase();
    url = database.url;
    drop = database.drop;
    await migrateDeploy(url);
    db = createDb(url);
    smtp = await startSmtpServer();
  }, 60_000);

  afterAll(async () => {
    await smtp?.stop();
    await db?.$disconnect();
    await drop();
  });

  beforeEach(async () => {
    await smtp.setFailure("none");
    smtp.clear();
    await db.shop.deleteMany();
    await db.shop.create({ data: { domain: SHOP, name: "Your Store" } });
  });

  afterEach(async () => {
    // Workers first (they await in-flight sends), then transports.
    for (const h of open.splice(0).reverse()) {
      if ("stop" in h) await h.stop();
      else h.close();
    }
  });

  function transport(): MailTransport {
    const t = createMailTransport(smtp.url, { timeoutMs: 2_000, log: { warn: () => {}, info: () => {} } });
    open.push(t);
    return t;
  }

  function worker(over: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
    const w = startOutboxWorker({
      db,
      transport: over.transport ?? transport(),
      pollMs: 20,
      giveUpMinutes: 60,
      workerId: "w1",
      adminCaseUrl,
      backoff: FAST,
      log: quiet,
      ...over,
    });
    open.unshift(w);
    return w;
  }

  let seq = 0;

  /** A conversation with the seed transcript and an escalated case, with its email in the outbox. */
  async function seedCase(opts: { now?: Date; createdAt?: Date; priority?: string } = {}) {
    const n = ++seq;
    const conversationId = `conv-${n}`;
    const now = opts.now ?? new Date();
    await db.conversation.create({ data: { id: conversationId, shop: SHOP, state: "escalated", shopperEmail: "sarah@example.com" } });
    for (const [i, line] of SEED_TRANSCRIPT.entries()) {
      await db.message.create({ data: { conversationId, role: line.role, text: line.text, createdAt: new Date(Date.parse(line.at) + i) } });
    }
    const c = await db.escalationCase.create({
      data: {
        id: `case${n}`,
        shop: SHOP,
        conversationId,
        reasons: ["order_state", "complaint"],
        reasonText: "Customer reporting non-delivery",
        topic: "shipping",
        priority: opts.priority ?? "high",
        confidence: 0.87,
        signals: [],
        route: { to: ["support@yourstore.example"], cc: [], from: '"Your Store" <escalations@baton.example>' },
        shopperEmail: "sarah@example.com",
        orderName: "#1042",
        orderFacts: SEED_ORDER as object,
        customerFacts: SEED_ORDER.customer as object,
        summary: "Delivered but not received.",
        messageId: `<case-case${n}@baton.example>`,
        messagesEmailed: SEED_TRANSCRIPT.length,
        createdAt: now,
      },
    });
    const loaded = await loadCaseView(db, c.id, adminCaseUrl);
    const row = await enqueueEmail(db, {
      shop: SHOP,
      caseId: c.id,
      kind: "case",
      email: composeEscalationEmail(loaded!.view),
      coversUpTo: SEED_TRANSCRIPT.length,
      now: opts.createdAt ?? now,
    });
    return { caseId: c.id, conversationId, outboxId: row.id, messageId: c.messageId };
  }

  async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 8_000, what = "condition"): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  const rowStatus = (id: string) => db.outboxEmail.findUniqueOrThrow({ where: { id } });
  const statusIs = (id: string, status: string) => async () => {
    const row = await rowStatus(id);
    return row.status === status ? row : null;
  };

  return {
    get url() {
      return url;
    },
    get db() {
      return db;
    },
    get smtp() {
      return smtp;
    },
    transport,
    worker,
    seedCase,
    waitFor,
    rowStatus,
    statusIs,
  };
}
