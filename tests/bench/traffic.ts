import { DEMO_SHOP_DOMAIN } from "../fixtures/shopify-orders";
import type { ReceivedMail } from "../servers/smtp-server";
import { storefront } from "../support/storefront-client";

// Shopper traffic for the load and fault tests: conversations spread over several app instances
// (each turn goes to a random one, as behind a load balancer), with escalations mixed in. Every
// escalation uses its own shopper address, so delivery can be checked per case by Reply-To.

export interface TrafficOptions {
  origins: string[];
  seconds: number;
  concurrency: number;
  /** Share of conversations that escalate (0–1). */
  escalationRate: number;
  shop?: string;
  /** Stops early when it resolves (optional). */
  onTick?: (stats: TrafficStats) => void;
}

export interface TrafficStats {
  requests: number;
  errors: number;
  errorSamples: string[];
  latenciesMs: number[];
  /** Shopper addresses of conversations that reached `escalated`. */
  escalated: string[];
  startedAt: number;
  endedAt: number;
}

const CHATTER = [
  ["hello"],
  ["Where is my order #1042?", "sarah@example.com"],
  ["What is your return policy?"],
  ["How long does shipping take?", "thanks!"],
  ["order 1044", "mike@example.com"],
];

/** Runs shopper conversations for `seconds`; each worker runs one conversation at a time. */
export async function runShopperTraffic(o: TrafficOptions): Promise<TrafficStats> {
  const stats: TrafficStats = { requests: 0, errors: 0, errorSamples: [], latenciesMs: [], escalated: [], startedAt: Date.now(), endedAt: 0 };
  const deadline = stats.startedAt + o.seconds * 1000;
  let conversationNo = 0;
  const runId = Math.random().toString(36).slice(2, 8);

  const turn = async (worker: number, body: Record<string, unknown>) => {
    const origin = o.origins[Math.floor(Math.random() * o.origins.length)]!;
    const client = storefront(origin, {
      shop: o.shop ?? DEMO_SHOP_DOMAIN,
      ip: `10.${worker}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    });
    const started = performance.now();
    try {
      const r = await client.post(body);
      stats.latenciesMs.push(performance.now() - started);
      stats.requests++;
      if (r.status !== 200) {
        stats.errors++;
        if (stats.errorSamples.length < 10) stats.errorSamples.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        return null;
      }
      return r.body;
    } catch (error) {
      stats.requests++;
      stats.errors++;
      if (stats.errorSamples.length < 10) stats.errorSamples.push(String(error));
      return null;
    }
  };

  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, worker) => {
      while (Date.now() < deadline) {
        const n = conversationNo++;
        if (Math.random() < o.escalationRate) {
          const email = `load-${runId}-${n}@example.com`;
          const a = await turn(worker, { message: "I want to talk to a real person please" });
          if (!a?.conversationId) continue;
          const b = await turn(worker, { conversationId: a.conversationId, message: email });
          if (b?.state === "escalated") stats.escalated.push(email);
        } else {
          let id: string | undefined;
          for (const message of CHATTER[n % CHATTER.length]!) {
            const r = await turn(worker, { conversationId: id, message });
            id = r?.conversationId ?? id;
          }
        }
        o.onTick?.(stats);
      }
    }),
  );
  stats.endedAt = Date.now();
  return stats;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Case emails received per shopper address (Reply-To), and the escalations missing or doubled.
 * A case is identified by its Message-ID: when SMTP cuts a connection after the server stored a
 * message but before the client read "250", the outbox must retry and the same Message-ID arrives
 * twice (mail systems deduplicate on it). That is counted in `resent`; a second *Message-ID* for one
 * shopper would be a real duplicate and is counted in `duplicated`.
 */
export function checkExactlyOnce(escalated: string[], mails: ReceivedMail[]) {
  const idsPerReplyTo = new Map<string, Set<string>>();
  let deliveries = 0;
  for (const m of mails) {
    if (m.headers["x-baton-kind"] !== "case") continue;
    deliveries++;
    for (const r of m.replyTo) {
      const ids = idsPerReplyTo.get(r) ?? new Set<string>();
      ids.add(m.messageId ?? `no-id-${deliveries}`);
      idsPerReplyTo.set(r, ids);
    }
  }
  const missing = escalated.filter((e) => !idsPerReplyTo.has(e));
  const duplicated = [...idsPerReplyTo].filter(([, ids]) => ids.size > 1).map(([e, ids]) => `${e}×${ids.size}`);
  const unexpected = [...idsPerReplyTo.keys()].filter((e) => e.startsWith("load-") && !escalated.includes(e));
  const caseEmails = [...idsPerReplyTo.values()].reduce((a, ids) => a + ids.size, 0);
  return { caseEmails, resent: deliveries - caseEmails, missing, duplicated, unexpected };
}

export function summarize(stats: TrafficStats): string {
  const seconds = (stats.endedAt - stats.startedAt) / 1000;
  return (
    `${stats.requests} requests in ${seconds.toFixed(1)} s = ${(stats.requests / seconds).toFixed(1)} req/s; ` +
    `latency p50 ${percentile(stats.latenciesMs, 50).toFixed(1)} ms, p95 ${percentile(stats.latenciesMs, 95).toFixed(1)} ms, ` +
    `p99 ${percentile(stats.latenciesMs, 99).toFixed(1)} ms, max ${percentile(stats.latenciesMs, 100).toFixed(1)} ms; ` +
    `errors ${stats.errors}; escalations ${stats.escalated.length}`
  );
}
