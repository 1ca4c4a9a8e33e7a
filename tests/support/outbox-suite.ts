import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { listen } from "../servers/net";
import { SEED_TRANSCRIPT } from "../../app/domain/email/fixtures";
import { createDb } from "../../app/db.server";
import { createMailTransport } from "../../app/email/mailer.server";
import { claimDueEmails, deliverClaimed, queueFollowUp, resendOutboxEmail, type QueueFollowUpResult } from "../../app/email/outbox.server";

import { SHOP, useOutboxHarness } from "./outbox-harness";
/**
 * The outbox against a real database and a real SMTP server. Run on SQLite by
 * app/email/outbox.test.ts and on PostgreSQL by tests/integration/outbox-postgres.test.ts, so the
 * claim/lease logic is proven on both providers.
 */
export function defineOutboxSuite(provider: string, makeDatabase: () => Promise<{ url: string; drop(): Promise<void> }>): void {
  const h = useOutboxHarness(makeDatabase);
  const { transport, worker, seedCase, waitFor, rowStatus, statusIs } = h;

  describe(`outbox on ${provider}`, () => {
    it("case → outbox → worker → exactly one email with our Message-ID, subject and Reply-To", async () => {
      const { outboxId, caseId, messageId } = await seedCase();
      const w = worker();
      w.kick();
      const [mail] = await h.smtp.waitForMessages(1);
      expect(mail).toMatchObject({
        messageId,
        subject: "Delivery problem · #1042 · Sarah Johnson",
        replyTo: ["sarah@example.com"],
        to: ["support@yourstore.example"],
      });
      expect(mail!.headers["x-baton-case"]).toBe(caseId);
      expect(mail!.headers["x-priority"]).toBe("1");
      expect(mail!.text).toContain("I never received it though.");

      const row = await waitFor(statusIs(outboxId, "sent"));
      expect(row).toMatchObject({ attempts: 1, lockedBy: null, lockedUntil: null, lastError: null });
      expect(row.sentAt).toBeInstanceOf(Date);
      const c = await h.db.escalationCase.findUniqueOrThrow({ where: { id: caseId } });
      expect(c).toMatchObject({ status: "sent", messagesEmailed: SEED_TRANSCRIPT.length });
      const attempts = await h.db.deliveryAttempt.findMany({ where: { outboxId } });
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({ ok: true });
      expect(attempts[0]!.response).toMatch(/^250/);

      await new Promise((r) => setTimeout(r, 100));
      expect(h.smtp.messages).toHaveLength(1);
    });

    it("SMTP down for a while, then back: every row delivered exactly once, failed attempts recorded", async () => {
      await h.smtp.setFailure("down");
      const cases = [await seedCase(), await seedCase(), await seedCase()];
      worker();
      await waitFor(async () => (await h.db.deliveryAttempt.count({ where: { ok: false } })) >= 6, 8_000, "failed attempts");
      expect(h.smtp.messages).toHaveLength(0);
      await h.smtp.setFailure("none");
      for (const c of cases) await waitFor(statusIs(c.outboxId, "sent"));
      await new Promise((r) => setTimeout(r, 150));
      expect(h.smtp.messages.map((m) => m.messageId).sort()).toEqual(cases.map((c) => c.messageId).sort());
      for (const c of cases) {
        const log = await h.db.deliveryAttempt.findMany({ where: { outboxId: c.outboxId }, orderBy: { at: "asc" } });
        expect(log.filter((a) => a.ok)).toHaveLength(1);
        expect(log.length).toBeGreaterThanOrEqual(2);
        expect(log.at(-1)!.ok).toBe(true);
        expect(log[0]!.error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
        const row = await rowStatus(c.outboxId);
        expect(row.attempts).toBe(log.length);
      }
    });

    // Recovery after an outage is bounded by the probe period, not by each email's backoff.
    const SLOW = { baseMs: 60_000, capMs: 60_000 };
    const failedAttempts = (n: number) => async () => (await h.db.deliveryAttempt.count({ where: { ok: false } })) >= n;
    const allSent = (ids: string[]) => async () => (await h.db.outboxEmail.count({ where: { id: { in: ids }, status: "sent" } })) === ids.length;

    it("SMTP back after an outage: a probe on another worker wakes emails waiting on a long backoff", async () => {
      await h.smtp.setFailure("down");
      const cases = [await seedCase(), await seedCase(), await seedCase()];
      // Worker "b" meets the outage; each email now waits up to a minute for its retry.
      const b = worker({ workerId: "b", backoff: SLOW, random: () => 0.99, probeMs: 60_000 });
      await waitFor(failedAttempts(3), 8_000, "failed attempts");
      await b.stop();
      const waiting = await h.db.outboxEmail.findMany({ where: { id: { in: cases.map((c) => c.outboxId) } } });
      expect(waiting.every((r) => r.status === "pending" && r.nextAttemptAt.getTime() > Date.now() + 30_000)).toBe(true);
      expect(waiting[0]!.lastError).toMatch(/^(ECONNECTION|ESOCKET) \[CONN\]: /);

      // Another instance, which has seen no failure itself, finds them in the shared outbox.
      await h.smtp.setFailure("none");
      const back = Date.now();
      worker({ workerId: "a", backoff: SLOW, probeMs: 100 });
      await waitFor(allSent(cases.map((c) => c.outboxId)), 3_000, "woken emails sent");
      expect(Date.now() - back).toBeLessThan(2_000);
      expect(h.smtp.messages.map((m) => m.messageId).sort()).toEqual(cases.map((c) => c.messageId).sort());
      for (const c of cases) expect(await h.db.deliveryAttempt.count({ where: { outboxId: c.outboxId } })).toBe(2);
    });

    it("emails refused with 451 to MAIL FROM wait for a delivery that succeeds, then go at once", async () => {
      await h.smtp.setFailure("reject");
      const refused = [await seedCase(), await seedCase()];
      const w = worker({ backoff: SLOW, random: () => 0.99, probeMs: 60_000 });
      await waitFor(failedAttempts(2), 8_000, "refused attempts");
      const row = await rowStatus(refused[0]!.outboxId);
      expect(row.lastError).toMatch(/^EENVELOPE \[MAIL FROM\]: 451 /);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);

      // The server accepts mail again: the next new email's delivery wakes the ones that waited.
      await h.smtp.setFailure("none");
      const fresh = await seedCase();
      w.kick();
      const ids = [...refused, fresh].map((c) => c.outboxId);
      await waitFor(allSent(ids), 3_000, "refused emails sent after a delivery");
      expect(h.smtp.messages).toHaveLength(3);
    });

    it("only 451-refused emails waiting: one tries per look, and once it is delivered the others go", async () => {
      await h.smtp.setFailure("reject");
      const refused = [await seedCase(), await seedCase(), await seedCase()];
      worker({ backoff: SLOW, random: () => 0.99, probeMs: 150 });
      await waitFor(failedAttempts(3), 8_000, "refused attempts");
      await h.smtp.setFailure("none");
      const back = Date.now();
      // No new email comes to prove the server is back: a woken one does.
      await waitFor(allSent(refused.map((c) => c.outboxId)), 3_000, "refused emails sent");
      expect(Date.now() - back).toBeLessThan(2_000);
      expect(h.smtp.messages).toHaveLength(3);
    });

    it("451 temporary failure is retried with backoff, then sent", async () => {
      await h.smtp.setFailure("reject-data");
      const { outboxId, messageId } = await seedCase();
      worker();
      await waitFor(async () => (await rowStatus(outboxId)).attempts >= 2, 8_000, "two attempts");
      const mid = await rowStatus(outboxId);
      expect(mid.lastError).toMatch(/451/);
      await h.smtp.setFailure("none");
      await waitFor(statusIs(outboxId, "sent"));
      const [mail] = await h.smtp.waitForMessages(1);
      expect(mail!.messageId).toBe(messageId);
    });

    it("550 permanent failure fails at once (attempt recorded, case failed)", async () => {
      const rejecting = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onRcptTo(_address, _session, callback) {
          callback(Object.assign(new Error("5.1.1 Mailbox does not exist"), { responseCode: 550 }));
        },
      });
      rejecting.on("error", () => {});
      const port = await listen(rejecting.server);
      const t = createMailTransport(`smtp://127.0.0.1:${port}`, { timeoutMs: 2_000 });
      try {
        const { outboxId, caseId } = await seedCase();
        worker({ transport: t });
        const row = await waitFor(statusIs(outboxId, "failed"));
        expect(row.attempts).toBe(1);
        expect(row.failedAt).toBeInstanceOf(Date);
        expect(row.lastError).toMatch(/550/);
        expect(row.lockedBy).toBeNull();
        const log = await h.db.deliveryAttempt.findMany({ where: { outboxId } });
        expect(log).toHaveLength(1);
        expect(log[0]).toMatchObject({ ok: false });
        expect((await h.db.escalationCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("failed");
      } finally {
        t.close();
        await new Promise<void>((r) => rejecting.close(() => r()));
      }
    });

    it("gives up after the bounded time (and a few attempts), then Resend re-queues the same Message-ID", async () => {
      await h.smtp.setFailure("down");
      const created = new Date(Date.now() - 5 * 60_000);
      const { outboxId, caseId, messageId } = await seedCase({ createdAt: created });
      const w = worker({ giveUpMinutes: 1 });
      const failed = await waitFor(statusIs(outboxId, "failed"));
      expect(failed.attempts).toBe(3);
      expect(failed.lastError).toMatch(/^Gave up after 3 attempts/);
      expect((await h.db.escalationCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("failed");
      await w.stop();

      expect(await resendOutboxEmail(h.db, { shop: "other.myshopify.com", outboxId, now: new Date() })).toEqual({ ok: false, reason: "not_found" });

      await h.smtp.setFailure("none");
      const resent = await resendOutboxEmail(h.db, { shop: SHOP, outboxId, now: new Date() });
      expect(resent.ok).toBe(true);
      expect(resent.ok && resent.row).toMatchObject({ status: "pending", failedAt: null, messageId, attempts: 0 });
      expect((await h.db.escalationCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("queued");
      expect(await resendOutboxEmail(h.db, { shop: SHOP, outboxId, now: new Date() })).toEqual({ ok: false, reason: "in_progress" });

      worker({ giveUpMinutes: 1 }).kick();
      const [mail] = await h.smtp.waitForMessages(1);
      expect(mail!.messageId).toBe(messageId);
      await waitFor(statusIs(outboxId, "sent"));
      expect((await h.db.escalationCase.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("sent");
      expect(await h.db.deliveryAttempt.count({ where: { outboxId } })).toBe(4);
    });

    it("two workers (two clients, as two app instances) racing on one database send each row once", async () => {
      const other = createDb(h.url);
      try {
        const cases = [];
        for (let i = 0; i < 12; i++) cases.push(await seedCase({ priority: "normal" }));
        const a = worker({ workerId: "a", concurrency: 3 });
        const b = worker({ db: other, workerId: "b", concurrency: 3, transport: transport() });
        a.kick();
        b.kick();
        await h.smtp.waitForMessages(12);
        for (const c of cases) await waitFor(statusIs(c.outboxId, "sent"));
        await new Promise((r) => setTimeout(r, 150));
        const ids = h.smtp.messages.map((m) => m.messageId);
        expect(ids).toHaveLength(12);
        expect(new Set(ids).size).toBe(12);
        expect(await h.db.deliveryAttempt.count()).toBe(12);
        // Both really took part (each attempt was made under one of the two worker ids).
        await a.stop();
        await b.stop();
      } finally {
        await other.$disconnect();
      }
    });

    it("claims are exclusive: concurrent claimDueEmails calls never return the same row", async () => {
      const other = createDb(h.url);
      try {
        for (let i = 0; i < 10; i++) await seedCase();
        const now = new Date(Date.now() + 1000);
        const [x, y] = await Promise.all([
          claimDueEmails(h.db, { workerId: "x", now, leaseMs: 60_000, limit: 10 }),
          claimDueEmails(other, { workerId: "y", now, leaseMs: 60_000, limit: 10 }),
        ]);
        const ids = [...x, ...y].map((r) => r.id);
        expect(ids).toHaveLength(10);
        expect(new Set(ids).size).toBe(10);
        const rows = await h.db.outboxEmail.findMany();
        expect(rows.every((r) => r.status === "sending" && (r.lockedBy === "x" || r.lockedBy === "y"))).toBe(true);
      } finally {
        await other.$disconnect();
      }
    });

    it("a crashed worker's row (sent, never marked, lease expired) is re-sent with the same Message-ID", async () => {
      const { outboxId, messageId } = await seedCase();
      const t0 = new Date();
      // Worker "dead" claims the row, gets it onto the wire, and crashes before marking it.
      const [claimed] = await claimDueEmails(h.db, { workerId: "dead", now: t0, leaseMs: 50, limit: 1 });
      expect(claimed!.id).toBe(outboxId);
      await transport().sendMail({
        from: claimed!.fromAddress,
        to: claimed!.toAddresses,
        subject: claimed!.subject,
        text: claimed!.textBody,
        messageId: claimed!.messageId,
      });
      // Still leased: nobody else may take it yet.
      expect(await claimDueEmails(h.db, { workerId: "w", now: t0, leaseMs: 50, limit: 5 })).toEqual([]);

      worker();
      const [first, second] = await h.smtp.waitForMessages(2);
      expect(first!.messageId).toBe(messageId);
      expect(second!.messageId).toBe(messageId);
      const row = await waitFor(statusIs(outboxId, "sent"));
      expect(row).toMatchObject({ lockedBy: null, attempts: 1 });
      await new Promise((r) => setTimeout(r, 100));
      expect(h.smtp.messages).toHaveLength(2);
    });

    it("deliverClaimed: a temporary failure schedules a jittered exponential retry and releases the lease", async () => {
      await h.smtp.setFailure("reject");
      const { outboxId } = await seedCase();
      const now = new Date();
      const [row] = await claimDueEmails(h.db, { workerId: "w", now, leaseMs: 60_000, limit: 1 });
      const t = transport();
      const result = await deliverClaimed(
        h.db,
        t,
        { ...row!, attempts: 3 },
        { now, giveUpMinutes: 60, random: () => 0.5, backoff: { baseMs: 1000, capMs: 3000 } },
      );
      expect(result.outcome).toBe("retry");
      const after = await rowStatus(outboxId);
      expect(after).toMatchObject({ status: "pending", attempts: 4, lockedBy: null, lockedUntil: null });
      // attempt 4: ceiling min(3000, 1000·2³) = 3000, half of it with random 0.5.
      const delay = after.nextAttemptAt.getTime() - now.getTime();
      expect(delay).toBeGreaterThanOrEqual(1500);
      expect(delay).toBeLessThan(1500 + 1000);
    });

    it("follow-ups are batched: 5 quick shopper messages → one threaded follow-up with all 5", async () => {
      const { caseId, conversationId, messageId } = await seedCase();
      const w = worker();
      w.kick();
      await h.smtp.waitForMessages(1);
      await waitFor(async () => (await h.db.escalationCase.findUniqueOrThrow({ where: { id: caseId } })).status === "sent");

      const base = Date.now();
      const results: QueueFollowUpResult[] = [];
      for (let i = 1; i <= 5; i++) {
        await h.db.message.create({ data: { conversationId, role: "shopper", text: `Follow-up message ${i}`, createdAt: new Date(base + i * 10) } });
        await h.db.message.create({ data: { conversationId, role: "assistant", text: `Noted (${i}).`, createdAt: new Date(base + i * 10 + 1) } });
        results.push(await queueFollowUp(h.db, { shop: SHOP, caseId, now: new Date(base + i * 10), batchWindowMs: 800 }));
        w.kick();
      }
      expect(results[0]!.queued).toBe(true);
      expect(results.slice(1).every((r) => !r.queued && r.outboxId === results[0]!.outboxId)).toBe(true);

      const [, followUp] = await h.smtp.waitForMessages(2);
      expect(followUp!.subject).toBe("Re: Delivery problem · #1042 · Sarah Johnson");
      expect(followUp!.inReplyTo).toBe(messageId);
      expect(followUp!.references).toEqual([messageId]);
      expect(followUp!.replyTo).toEqual(["sarah@example.com"]);
      expect(followUp!.headers["x-baton-kind"]).toBe("followup");
      for (let i = 1; i <= 5; i++) {
        expect(followUp!.text).toContain(`Follow-up message ${i}`);
        expect(followUp!.text).toContain(`Noted (${i}).`);
      }
      expect(followUp!.text).toContain("wrote 5 new messages");
      expect(followUp!.text).not.toContain("Where is my order #1042?");

      await waitFor(statusIs(results[0]!.outboxId!, "sent"));
      const c = await h.db.escalationCase.findUniqueOrThrow({ where: { id: caseId } });
      expect(c.messagesEmailed).toBe(SEED_TRANSCRIPT.length + 10);
      await new Promise((r) => setTimeout(r, 400));
      expect(h.smtp.messages).toHaveLength(2);

      // The next message after that starts a new batch.
      await h.db.message.create({ data: { conversationId, role: "shopper", text: "One more thing", createdAt: new Date(base + 1000) } });
      const next = await queueFollowUp(h.db, { shop: SHOP, caseId, now: new Date(), batchWindowMs: 50 });
      expect(next.queued).toBe(true);
      const [, , third] = await h.smtp.waitForMessages(3);
      expect(third!.text).toContain("One more thing");
      expect(third!.text).not.toContain("Follow-up message 1");
      expect(third!.messageId).not.toBe(followUp!.messageId);
      await waitFor(async () => (await h.db.outboxEmail.count({ where: { caseId, status: "sent" } })) === 3);

      // Resending the delivered first follow-up sends it as it was, with its own Message-ID.
      const resent = await resendOutboxEmail(h.db, { shop: SHOP, outboxId: results[0]!.outboxId!, now: new Date() });
      expect(resent.ok).toBe(true);
      w.kick();
      const [, , , again] = await h.smtp.waitForMessages(4);
      expect(again!.messageId).toBe(followUp!.messageId);
      expect(again!.text).toContain("Follow-up message 5");
      expect(again!.text).not.toContain("One more thing");
    });

    it("case email and follow-up are written in the shop's language and on its clock", async () => {
      await h.db.shop.update({ where: { domain: SHOP }, data: { locale: "de", ianaTimezone: "Europe/Berlin" } });
      const { caseId, conversationId } = await seedCase();
      const w = worker();
      w.kick();
      const [caseEmail] = await h.smtp.waitForMessages(1);
      expect(caseEmail!.subject).toBe("Lieferproblem · #1042 · Sarah Johnson");
      expect(caseEmail!.text).toContain("ANLIEGEN: Hat ein Lieferproblem mit Bestellung #1042 — Inhaberschaft bestätigt");
      expect(caseEmail!.text).toContain("[21. Feb. 2026, 15:03 MEZ] Kunde schrieb:\n> Where is my order #1042?");
      await waitFor(async () => (await h.db.escalationCase.findUniqueOrThrow({ where: { id: caseId } })).status === "sent");

      await h.db.message.create({ data: { conversationId, role: "shopper", text: "Gibt es Neuigkeiten?", createdAt: new Date("2026-07-01T10:00:00Z") } });
      await queueFollowUp(h.db, { shop: SHOP, caseId, now: new Date(), batchWindowMs: 0 });
      w.kick();
      const [, followUp] = await h.smtp.waitForMessages(2);
      expect(followUp!.subject).toBe("Re: Lieferproblem · #1042 · Sarah Johnson");
      expect(followUp!.text).toContain("sarah@example.com hat eine neue Nachricht zu diesem Fall geschrieben.");
      expect(followUp!.text).toContain("[1. Juli 2026, 12:00 MESZ] Kunde schrieb:\n> Gibt es Neuigkeiten?");
    });

    it("a follow-up waits for its case email (SMTP down) and then goes out after it, in thread order", async () => {
      await h.smtp.setFailure("down");
      const { caseId, conversationId } = await seedCase();
      await h.db.message.create({ data: { conversationId, role: "shopper", text: "Hello? Anyone?", createdAt: new Date() } });
      await queueFollowUp(h.db, { shop: SHOP, caseId, now: new Date(), batchWindowMs: 0 });
      worker();
      await waitFor(async () => (await h.db.deliveryAttempt.count({ where: { ok: false } })) >= 2, 8_000, "failed attempts");
      await h.smtp.setFailure("none");
      const [first, second] = await h.smtp.waitForMessages(2);
      expect(first!.subject).toBe("Delivery problem · #1042 · Sarah Johnson");
      expect(second!.subject).toBe("Re: Delivery problem · #1042 · Sarah Johnson");
      expect(second!.text).toContain("Hello? Anyone?");
      // The follow-up never made an SMTP attempt while it waited.
      const followUp = await h.db.outboxEmail.findFirstOrThrow({ where: { caseId, kind: "followup" } });
      await waitFor(statusIs(followUp.id, "sent"));
      expect(await h.db.deliveryAttempt.count({ where: { outboxId: followUp.id } })).toBe(1);
    });

    it("queueFollowUp ignores unknown cases and other shops' cases", async () => {
      const { caseId } = await seedCase();
      expect(await queueFollowUp(h.db, { shop: "other.myshopify.com", caseId, now: new Date() })).toEqual({ queued: false, outboxId: null, reason: "no_case" });
      expect(await queueFollowUp(h.db, { shop: SHOP, caseId: "nope", now: new Date() })).toEqual({ queued: false, outboxId: null, reason: "no_case" });
    });

    it("stop() waits for in-flight sends and the worker survives a broken transport", async () => {
      await seedCase();
      let calls = 0;
      const w = worker({
        transport: {
          async sendMail() {
            calls++;
            await new Promise((r) => setTimeout(r, 100));
            throw new Error("boom");
          },
        },
      });
      w.kick();
      await waitFor(async () => calls > 0);
      await w.stop();
      const row = await h.db.outboxEmail.findFirstOrThrow();
      expect(row.status).toBe("pending");
      expect(row.lockedBy).toBeNull();
    });
  });
}
