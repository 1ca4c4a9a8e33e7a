import { createHmac } from "node:crypto";
import type { Db } from "~/db.server";
import type { TurnDecision } from "~/domain/conversation/decide-turn";
import { capAddressKey } from "../platform/client-address.server";
import { countNewCaseAttempt } from "./chat-limits.server";
import type { ShopContext } from "./shop-context.server";

/**
 * Abuse caps on new cases (docs/decisions/0035): per shopper address per hour and per reply-to
 * address per day, with the shop's own limits (`ShopContext.abuse`). Past a cap the turn's
 * "over the caps" alternative, which the core decided beside the case (`TurnDecision.overCaseCap`),
 * is used: the shopper gets the store's contact details, the case is stored as `limited_abuse`, no
 * email goes out and the plan's allowance is untouched.
 *
 * Two counts, both needed:
 * - the database: cases that reached the team (queued, sent, failed) in the window, by the shop's
 *   keyed hash of the client address and by reply-to address — durable across restarts;
 * - an atomic attempt counter in the rate-limit store (PostgreSQL, or memory shared through the
 *   cluster primary): 110 parallel requests all read the same database count before any commits,
 *   but each gets its own counter value, so at most the cap of them pass.
 */
export type CaseCapRefusal = "client_address" | "reply_to";

/** Statuses of cases whose email reached (or is on its way to) the team. */
const TEAM_STATUSES = ["queued", "sent", "failed"];
const HOUR_MS = 3_600_000;
/** How many more cases a day a verified shopper's address may open than an unverified one. */
export const VERIFIED_REPLY_TO_FACTOR = 4;
const DAY_MS = 24 * HOUR_MS;

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
  input: { shop: ShopContext; secret: string; clientHash: string | null; signedIn: boolean; now: Date },
): Promise<TurnDecision> {
  const effect = decision.effects.find((e) => e.type === "create_case");
  if (effect?.type !== "create_case" || !decision.overCaseCap) return decision;
  // A shopper who proved who they are (signed in, or an order matched to their email) is held to wider caps.
  const verified = input.signedIn || effect.caseOrder.order !== null;
  const refusal = await checkNewCaseCaps(db, { ...input, replyTo: effect.shopperEmail, verified });
  return refusal ? decision.overCaseCap : decision;
}

/**
 * Whether a turn that would open a new case is over one of the shop's caps (null: within them).
 * Only called for turns whose transition emits `create_case`.
 */
export async function checkNewCaseCaps(
  db: Db,
  input: { shop: ShopContext; secret: string; clientHash: string | null; replyTo: string | null; now: Date; verified: boolean },
): Promise<CaseCapRefusal | null> {
  const { shop, now } = input;
  // A shopper who proved who they are (signed in, or an order matched to their email) is a customer,
  // not a script opening cases from one address: the address cap does not apply and the reply-to cap
  // is wider. Floods cannot prove orders, so they meet both caps.
  const clientHash = input.verified ? null : input.clientHash;
  const caps = input.verified ? { ...shop.abuse, newCasesPerReplyToPerDay: shop.abuse.newCasesPerReplyToPerDay * VERIFIED_REPLY_TO_FACTOR } : shop.abuse;
  const replyTo = input.replyTo?.trim().toLowerCase() || null;
  const recent = (since: number) => ({ shop: shop.domain, status: { in: TEAM_STATUSES }, createdAt: { gte: new Date(now.getTime() - since) } });
  const [byClient, byReplyTo] = await Promise.all([
    clientHash ? db.escalationCase.count({ where: { ...recent(HOUR_MS), clientHash } }) : 0,
    replyTo ? db.escalationCase.count({ where: { ...recent(DAY_MS), shopperEmail: replyTo } }) : 0,
  ]);
  if (byClient >= caps.newCasesPerAddressPerHour) return "client_address";
  if (byReplyTo >= caps.newCasesPerReplyToPerDay) return "reply_to";

  const attempts = await countNewCaseAttempt({
    client: clientHash ? `${shop.domain}|${clientHash}` : null,
    replyTo: replyTo ? `${shop.domain}|${clientAddressHash(input.secret, shop.domain, `reply-to:${replyTo}`)}` : null,
  });
  // Committed cases are in both counts; the larger one is the truth (the counter starts at zero
  // after a restart on SQLite, the database misses cases still being written).
  if (Math.max(byClient + 1, attempts.client) > caps.newCasesPerAddressPerHour) return "client_address";
  if (Math.max(byReplyTo + 1, attempts.replyTo) > caps.newCasesPerReplyToPerDay) return "reply_to";
  return null;
}
