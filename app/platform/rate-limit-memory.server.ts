import { RateLimiterMemory, RateLimiterRes, type IRateLimiterOptions } from "rate-limiter-flexible";

/**
 * Memory counters for the rate limiters without a timer per key (issue 29: a soak left the worker
 * holding 40,393 timers, one `setTimeout` per key in rate-limiter-flexible's `MemoryStorage`).
 * Expiry is read on every access, so the limits are exactly the library's; one unref'd timer per
 * store sweeps ended windows while the store holds any, so memory follows the keys seen within a
 * window (plus at most one sweep interval), and a store with nothing in it holds no timer at all.
 *
 * It offers what `RateLimiterMemory` calls on its `_memoryStorage` in the pinned rate-limiter-flexible
 * 11.4.0 (incrby, set, get, delete, `_storage` for dump, `_restoreRecord`);
 * rate-limit-memory.server.test.ts runs the real `RateLimiterMemory` over it and fails if an upgrade
 * stops using it.
 */
export const SWEEP_INTERVAL_MS = 10_000;

interface Entry {
  value: number;
  /** Epoch ms; null: never expires. */
  expiresAt: number | null;
}

export class SweptMemoryStorage {
  /** Named as the library's storage names it (`RateLimiterMemory.dump` reads it). */
  readonly _storage = new Map<string, Entry>();
  private sweeper: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly sweepIntervalMs = SWEEP_INTERVAL_MS) {}

  incrby(key: string, value: number, durationSec: number): RateLimiterRes {
    const entry = this.live(key);
    if (!entry) return this.set(key, value, durationSec);
    entry.value += value;
    return new RateLimiterRes(0, entry.expiresAt === null ? -1 : entry.expiresAt - Date.now(), entry.value, false);
  }

  set(key: string, value: number, durationSec: number): RateLimiterRes {
    const durationMs = durationSec * 1000;
    this.store(key, { value: Math.trunc(value), expiresAt: durationMs > 0 ? Date.now() + durationMs : null });
    return new RateLimiterRes(0, durationMs === 0 ? -1 : durationMs, Math.trunc(value), true);
  }

  get(key: string): RateLimiterRes | null {
    const entry = this.live(key);
    return entry ? new RateLimiterRes(0, entry.expiresAt === null ? -1 : entry.expiresAt - Date.now(), entry.value, false) : null;
  }

  delete(key: string): boolean {
    const had = this._storage.delete(key);
    if (this._storage.size === 0) this.stopSweeping();
    return had;
  }

  _restoreRecord(key: string, value: number, expiresAt: number | null): void {
    if (expiresAt !== null && (!Number.isFinite(expiresAt) || expiresAt <= Date.now())) return;
    this.store(key, { value: Math.trunc(value), expiresAt });
  }

  /** Removes every ended window (also run by the store's one timer). */
  sweep(now = Date.now()): void {
    for (const [key, entry] of this._storage) if (entry.expiresAt !== null && entry.expiresAt <= now) this._storage.delete(key);
    if (this._storage.size === 0) this.stopSweeping();
  }

  private live(key: string): Entry | null {
    const entry = this._storage.get(key);
    if (!entry) return null;
    if (entry.expiresAt !== null && entry.expiresAt <= Date.now()) {
      this._storage.delete(key);
      return null;
    }
    return entry;
  }

  private store(key: string, entry: Entry): void {
    this._storage.set(key, entry);
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.sweep(), this.sweepIntervalMs);
      this.sweeper.unref?.();
    }
  }

  private stopSweeping(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }
}

/** A `RateLimiterMemory` (same limits, same API) whose counters live in a `SweptMemoryStorage`. */
export function sweptMemoryLimiter(options: IRateLimiterOptions): RateLimiterMemory {
  const limiter = new RateLimiterMemory(options);
  useSweptStorage(limiter);
  return limiter;
}

/** Swaps a fresh limiter's storage (it must not hold counters yet). */
export function useSweptStorage(limiter: RateLimiterMemory): void {
  (limiter as unknown as { _memoryStorage: unknown })._memoryStorage = new SweptMemoryStorage();
}
