// The durable email outbox, one file per step (app/email/outbox/): a row is committed with its case
// before any SMTP traffic; workers claim due rows atomically with a lease, send them with the row's
// stored Message-ID, record every attempt, and retry with backoff. This file is its public surface.
export type { OutboxKind, OutboxStatus, OutboxRow, ClaimedRow, BackoffOptions } from "./outbox/types";
export { DEFAULT_BACKOFF, DEFAULT_LEASE_MS, DEFAULT_PROBE_MS, MIN_ATTEMPTS_BEFORE_GIVE_UP, splitAddresses } from "./outbox/types";
export type { EnqueueEmailInput, OutboxInsert } from "./outbox/enqueue.server";
export { enqueueEmail, outboxInsert } from "./outbox/enqueue.server";
export type { ClaimOptions } from "./outbox/claim.server";
export { claimDueEmails } from "./outbox/claim.server";
export type { DeliverOptions, DeliveryOutcome } from "./outbox/deliver.server";
export { backoffDelay, deliverClaimed } from "./outbox/deliver.server";
export type { FollowUpCase, FollowUpFound, FollowUpPlan, QueueFollowUpInput, QueueFollowUpResult } from "./outbox/follow-up.server";
export { planFollowUp, queueFollowUp } from "./outbox/follow-up.server";
export type { ResendResult } from "./outbox/resend.server";
export { resendOutboxEmail } from "./outbox/resend.server";
export type { OutboxWorkerOptions, OutboxWorker } from "./outbox/worker.server";
export { startOutboxWorker } from "./outbox/worker.server";
export type { Recovery, RecoveryOptions } from "./outbox/recovery.server";
export { startRecovery } from "./outbox/recovery.server";
