import type { OutboxEmail, Prisma } from "@prisma/client";
import type { Db } from "~/db.server";

// Shared outbox types, constants and address helpers.
// The durable email outbox. A row is committed (with its case) before any SMTP traffic; workers
// claim due rows atomically with a lease, send them with the row's stored Message-ID, and record
// every attempt. Works on SQLite and PostgreSQL through plain Prisma calls: each claim is one
// conditional UPDATE, so two app instances on one database never both send a row.

export type OutboxKind = "case" | "followup" | "test" | "data_request";
export type OutboxStatus = "pending" | "sending" | "sent" | "failed";
export type OutboxRow = OutboxEmail;
/**
 * A row claimed by `claimDueEmails`; `reclaimed` when taken over from a worker whose lease expired; `caseFacts`
 * (its case's priority and photo count) when the claim read them too (PostgreSQL: one round trip fewer).
 */
export type ClaimedRow = OutboxRow & { reclaimed?: boolean; caseFacts?: { priority: string; photos: number } };

export type OutboxWriter = Pick<Db, "outboxEmail"> | Pick<Prisma.TransactionClient, "outboxEmail">;

export interface BackoffOptions {
  /** First retry delay ceiling (ms). Default 5 s; the ceiling doubles per attempt. */
  baseMs: number;
  /** Largest retry delay ceiling (ms). Default 10 min. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, capMs: 10 * 60_000 };
/** How long a claim is held; must exceed one SMTP send (three 10 s timeouts at most). */
export const DEFAULT_LEASE_MS = 2 * 60_000;
/**
 * A row is failed for good only after this many attempts, even past its give-up time: a row queued
 * while every worker was down for longer than the give-up window, or re-queued by Resend, still
 * gets real tries instead of failing on the first hiccup.
 */
export const MIN_ATTEMPTS_BEFORE_GIVE_UP = 3;
/** Mean period of the look for emails waiting on an unreachable SMTP server (outbox/recovery.server.ts). */
export const DEFAULT_PROBE_MS = 2_000;
/** Longest a follow-up waits before re-checking when an earlier email of its case is still queued. */
export const FOLLOW_UP_WAIT_MS = 2_000;

export const joinAddresses = (list: readonly string[]) => list.join(", ");
export const splitAddresses = (stored: string | null | undefined): string[] =>
  (stored ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
