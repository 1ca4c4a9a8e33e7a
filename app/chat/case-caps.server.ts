import { createHmac } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { postgresPoolOf, sqliteConnectionOf, type Db } from "~/db.server";
import { pgCaseCaps } from "./store/pg-case-caps.server";
import { sqliteCaseCaps } from "./store/sqlite-case-caps.server";
import type { TurnDecision } from "~/domain/conversation/decide-turn";
import { capAddressKey } from "../platform/client-address.server";
import type { ShopContext } from "./shop-context.server";

/**
 * Abuse caps on new cases (docs/decisions/0035): per requester per hour and per reply-to address
 * per day, with the shop's own limits (`ShopContext.abuse`). Past a cap the turn's
 * "over the caps" alternative, which the core decided beside the case (`TurnDecision.overCaseCap`),
 * is used: the shopper gets the store's contact details, the case is stored as `limited_abuse`, no
 * email goes out and the plan's allowance is untouched.
 *
 * Who is counted, so that no cap can be turned against the person it protects:
 * - the requester: a signed-in customer per customer (whatever address they use), anyone else per
 *   client address; a guest who proved an order and writes from its email is exempt (shoppers behind
 *   one carrier address are many; a flood cannot prove orders);
 * - the reply-to: an address the requester owns (the signed customer's own email, or the email that
 *   proved the order) counts only the cases its owner opened, with the wider cap — others naming it
 *   cannot lock its owner out; any other reply-to counts every case that named it, with the narrow
 *   cap, so nobody can send the team a stream of emails whose Reply-To is someone else.
 *
 * Two counts, both needed:
 * - the database: cases that reached the team (queued, sent, failed) in the window — durable;
 * - an atomic attempt counter in the same database (`CaseCapCounter`, docs/decisions/0077): 110
 *   parallel requests all read the same case count before any commits, but each gets its own
 *   counter value, so at most the cap of them pass. The counter has no fallback that could start
 *   again at zero: one that did let 11 cases through a cap of 10 on PostgreSQL.
 */
export type CaseCapRefusal = "requester" | "reply_to";

/**
 * Counts one more new-case attempt per key in the database and returns the counts in the cap
 * windows (app/chat/chat-limits.server.ts `countNewCaseAttempt`; tests may pass their own).
 */
export type CaseAttemptCounter = (
  keys: { client: string | null; replyTo: string | null },
  context: { db: Db; now: Date },
) => Promise<{ client: number; replyTo: number }>;

/** Statuses of cases whose email reached (or is on its way to) the team. */
const TEAM_STATUSES = ["queued", "sent", "failed"];
const HOUR_MS = 3_600_000;
/** How many more cases a day a reply-to address may open when its owner asks than when anyone names it. */
export const VERIFIED_REPLY_TO_FACTOR = 4;
const DAY_MS = 24 * HOUR_MS;
/** More cases than any cap allows; bounds the rows read to tell an owner's cases from others'. */
const MAX_REPLY_TO_ROWS = 500;

/**
 * The stored stand-in for a client address: HMAC-SHA256 keyed with the app secret over shop and
 * address, so it can be counted per shop but not reversed (or linked across shops) from the
 * database alone. IPv6 is counted per /56, one subscriber's usual delegation (`capAddressKey`).
 */
export function clientAddressHash(secret: string, shop: string, address: string | null): string | null {
  const key = capAddressKey(address);
  if (!key) return null;
  return createHmac("sha256", secret).update(`baton-client|${shop}|${key}`).digest("base64url").slice(0, 32);
}

/**
 * The turn as it may go out: a new case within the shop's caps, or the core's "over the caps"
 * alternative. Only a turn that opens a case reads the counts.
 */
export async function withinCaseCaps(
  db: Db,
  decision: TurnDecision,
  input: {
    shop: ShopContext;
    secret: string;
    clientHash: string | null;
    /** The signed `logged_in_customer_id`: the requester, counted per customer even when their Admin lookup failed. */
    customerId: string | null;
    now: Date;
    attempts: CaseAttemptCounter;
  },
): Promise<TurnDecision> {
  const effect = decision.effects.find((e) => e.type === "create_case");
  if (effect?.type !== "create_case" || !decision.overCaseCap) return decision;
  // With a signed-in shopper the case's customer is the signed one (turn-lines.ts `caseCustomer`).
  const signedCustomer = input.customerId ? decision.caseCustomer : null;
  const requester = requesterOf(input.customerId);
  const replyTo = normalEmail(effect.shopperEmail);
  const ownEmails = [signedCustomer?.email, effect.caseOrder.order?.email].map(normalEmail);
  const ownsReplyTo = replyTo !== null && ownEmails.includes(replyTo);
  const refusal = await checkNewCaseCaps(db, { ...input, requester, replyTo, ownsReplyTo, provenOrder: effect.caseOrder.order !== null });
  return refusal ? decision.overCaseCap : decision;
}

/** Who opens the case: a signed customer (by the numeric id the App Proxy signs), or the client address. */
export type Requester = { customerId: string } | null;

function requesterOf(customerGid: string | null): Requester {
  // Admin API ids are GIDs ("gid://shopify/Customer/7001"); conversations store the signed numeric id.
  const id = customerGid ? /(\d+)$/.exec(customerGid)?.[1] : undefined;
  return id ? { customerId: id } : null;
}

function normalEmail(email: string | null | undefined): string | null {
  return email?.trim().toLowerCase() || null;
}

/** A past case whose reply-to was its requester's own: the signed customer's or the proven order's email. */
function ownedByItsRequester(c: { shopperEmail: string | null; customerFacts: unknown; orderFacts: unknown }): boolean {
  const emailOf = (facts: unknown) => normalEmail((facts as { email?: string | null } | null)?.email);
  const replyTo = normalEmail(c.shopperEmail);
  return replyTo !== null && (emailOf(c.customerFacts) === replyTo || emailOf(c.orderFacts) === replyTo);
}

/**
 * Whether a turn that would open a new case is over one of the shop's caps (null: within them).
 * Only called for turns whose transition emits `create_case`.
 */
export async function checkNewCaseCaps(
  db: Db,
  input: {
    shop: ShopContext;
    secret: string;
    clientHash: string | null;
    /** The signed customer (counted per customer); null: counted by client address. */
    requester: Requester;
    replyTo: string | null;
    /** The reply-to is the requester's own (signed customer's email, or the proven order's). */
    ownsReplyTo: boolean;
    provenOrder: boolean;
    now: Date;
    attempts: CaseAttemptCounter;
  },
): Promise<CaseCapRefusal | null> {
  const { shop, now, requester, replyTo, ownsReplyTo } = input;
  const perHour = shop.abuse.newCasesPerAddressPerHour;
  const perDay = ownsReplyTo ? shop.abuse.newCasesPerReplyToPerDay * VERIFIED_REPLY_TO_FACTOR : shop.abuse.newCasesPerReplyToPerDay;
  // A guest writing from the email that proved their order is not a script: no address cap.
  const clientHash = requester || (input.provenOrder && ownsReplyTo) ? null : input.clientHash;
  const counts = await caseCounts(db);
  const [byRequester, byReplyTo] = await Promise.all([
    requester
      ? counts.recent({ shop: shop.domain, since: HOUR_MS, now, customerId: requester.customerId })
      : clientHash
        ? counts.recent({ shop: shop.domain, since: HOUR_MS, now, clientHash })
        : 0,
    replyTo ? counts.replyTo({ shop: shop.domain, since: DAY_MS, now, shopperEmail: replyTo }, ownsReplyTo) : 0,
  ]);
  if ((requester || clientHash) && byRequester >= perHour) return "requester";
  if (byReplyTo >= perDay) return "reply_to";

  const hashed = (key: string) => `${shop.domain}|${clientAddressHash(input.secret, shop.domain, key)}`;
  const attempts = await input.attempts(
    {
      client: requester ? hashed(`customer:${requester.customerId}`) : clientHash ? `${shop.domain}|${clientHash}` : null,
      // The owner's attempts and everyone's are separate counters: others' attempts never use up the owner's.
      replyTo: replyTo ? hashed(`${ownsReplyTo ? "reply-to-owner" : "reply-to"}:${replyTo}`) : null,
    },
    { db, now },
  );
  // Committed cases are in both counts; the larger one is the truth (the counter's window starts at
  // its key's first attempt, the case count's is the last hour or day; the case count misses cases
  // still being written, the counter never misses an attempt).
  if ((requester || clientHash) && Math.max(byRequester + 1, attempts.client) > perHour) return "requester";
  if (Math.max(byReplyTo + 1, attempts.replyTo) > perDay) return "reply_to";
  return null;
}

type Recent = { shop: string; since: number; now: Date };
type RecentBy = Recent & ({ customerId: string } | { clientHash: string } | { shopperEmail: string });

/**
 * The case counts the caps compare: prepared statements on SQLite's shared connection or the `pg`
 * pool (store/*-case-caps.server.ts), Prisma only when neither driver is reachable.
 */
async function caseCounts(db: Db): Promise<{
  recent(where: RecentBy): Promise<number>;
  /** Cases that named the reply-to: all of them, or (for its owner) only those its owner opened. */
  replyTo(where: Recent & { shopperEmail: string }, ownerOnly: boolean): Promise<number>;
}> {
  const conn = await sqliteConnectionOf(db);
  const pool = conn ? null : postgresPoolOf(db);
  if (conn || pool) {
    const caps = conn ? sqliteCaseCaps(conn) : pgCaseCaps(pool!);
    const window = (w: Recent) => ({ shop: w.shop, statuses: TEAM_STATUSES, since: new Date(w.now.getTime() - w.since) });
    return {
      recent: (w) => caps.countCases({ ...window(w), ...by(w) }),
      replyTo: async (w, ownerOnly) =>
        ownerOnly
          ? (await caps.replyToCases({ ...window(w), shopperEmail: w.shopperEmail }, MAX_REPLY_TO_ROWS)).filter(ownedByItsRequester).length
          : caps.countCases({ ...window(w), shopperEmail: w.shopperEmail }),
    };
  }
  const recent = (w: Recent) => ({ shop: w.shop, status: { in: TEAM_STATUSES }, createdAt: { gte: new Date(w.now.getTime() - w.since) } });
  return {
    recent: (w) => {
      const only = by(w);
      const where: Prisma.EscalationCaseWhereInput =
        "customerId" in only ? { ...recent(w), conversation: { customerId: only.customerId } } : { ...recent(w), ...only };
      return db.escalationCase.count({ where });
    },
    replyTo: async (w, ownerOnly) => {
      const where = { ...recent(w), shopperEmail: w.shopperEmail };
      if (!ownerOnly) return db.escalationCase.count({ where });
      const rows = await db.escalationCase.findMany({ where, select: { shopperEmail: true, customerFacts: true, orderFacts: true }, take: MAX_REPLY_TO_ROWS });
      return rows.filter(ownedByItsRequester).length;
    },
  };
}

function by(w: RecentBy): { customerId: string } | { clientHash: string } | { shopperEmail: string } {
  if ("customerId" in w) return { customerId: w.customerId };
  if ("clientHash" in w) return { clientHash: w.clientHash };
  return { shopperEmail: w.shopperEmail };
}
