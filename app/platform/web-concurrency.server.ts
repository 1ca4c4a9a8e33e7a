import { availableParallelism, totalmem } from "node:os";

/**
 * The default number of HTTP worker processes when WEB_CONCURRENCY is not set: one per core the
 * process may use, as many as the instance's memory holds beside the primary, at least one and at
 * most MAX_DEFAULT_WORKERS. One worker on a multi-core instance left every core but one to a primary
 * that only sends the odd email (bench:chat, 2 cores: the worker saturated one core while the other
 * idled at about 40 %); a 512 MB instance still gets the one worker it can hold.
 */
export const PRIMARY_BUDGET_MB = 256;
/** A storefront worker's RSS after a 10-minute soak is 237–245 MB (decision 0081): its budget. */
export const WORKER_BUDGET_MB = 256;
/** Past four, one SQLite database's single writer and the shared caches gain little from more processes. */
export const MAX_DEFAULT_WORKERS = 4;

export interface Machine {
  cores: number;
  memoryMb: number;
}

export function defaultWebConcurrency(machine: Machine = thisMachine()): number {
  const byMemory = Math.floor((machine.memoryMb - PRIMARY_BUDGET_MB) / WORKER_BUDGET_MB);
  return Math.max(1, Math.min(machine.cores, byMemory, MAX_DEFAULT_WORKERS));
}

/** Cores this process may run on, and memory: the container's limit (cgroup) when one is set, else the machine's. */
export function thisMachine(): Machine {
  // Node 20 answers undefined without a limit, later versions 0; a cgroup without a limit may report 2^63.
  const limit = process.constrainedMemory?.() ?? 0;
  const memory = limit > 0 && limit < totalmem() ? limit : totalmem();
  return { cores: availableParallelism(), memoryMb: Math.floor(memory / 2 ** 20) };
}
