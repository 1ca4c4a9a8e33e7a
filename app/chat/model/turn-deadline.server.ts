import OpenAI from "openai";

/**
 * One hard deadline for everything the model layer does in a chat turn: every model call, our
 * retry, tool calls and the case summary. The SDK runs with `maxRetries: 0` because its own retry
 * sleeps for the server's Retry-After (20 s, 90 s…) before any turn abort applies.
 */
export class TurnDeadline {
  readonly startedAt = performance.now();
  readonly at: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  /** Resolves when the deadline passes (for racing work that might ignore the abort). */
  readonly expired: Promise<"timeout">;

  constructor(budgetMs: number) {
    this.at = this.startedAt + budgetMs;
    let fire!: () => void;
    this.expired = new Promise((resolve) => (fire = () => resolve("timeout")));
    this.timer = setTimeout(() => {
      this.controller.abort();
      fire();
    }, budgetMs);
    this.timer.unref?.();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get passed(): boolean {
    return this.controller.signal.aborted || this.remaining() <= 0;
  }

  remaining(): number {
    return Math.max(0, Math.round(this.at - performance.now()));
  }

  elapsed(): number {
    return Math.round(performance.now() - this.startedAt);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** A retry that cannot fit before the deadline: the reason is recorded as the fallback. */
export class BudgetExhausted extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const MAX_ATTEMPTS = 2;
// A retry only makes sense when the call itself still has time after the wait.
const MIN_CALL_MS = 400;
const DEFAULT_BACKOFF_MS = 250;

/**
 * Runs one model call, retrying once on 429, 408, 409, 5xx or a dropped connection — only when
 * the server's Retry-After (or our short backoff) plus a useful call still fits before the deadline.
 */
export async function withRetry<T>(deadline: TurnDeadline, call: (timeoutMs: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    if (deadline.passed) throw new BudgetExhausted("timeout");
    try {
      return await call(deadline.remaining());
    } catch (error) {
      if (deadline.signal.aborted) throw new BudgetExhausted("timeout");
      const retryable = isRetryable(error);
      if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      const wait = retryAfterMs(error) ?? DEFAULT_BACKOFF_MS;
      if (wait + MIN_CALL_MS > deadline.remaining()) {
        throw new BudgetExhausted(error instanceof OpenAI.APIError && error.status === 429 ? "rate_limited" : `error: ${statusOf(error)}`);
      }
      await sleep(wait, deadline.signal);
    }
  }
}

function statusOf(error: unknown): string {
  return error instanceof OpenAI.APIError && error.status ? String(error.status) : "connection";
}

function isRetryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIUserAbortError) return false;
  if (error instanceof OpenAI.APIConnectionError) return true;
  if (!(error instanceof OpenAI.APIError) || !error.status) return false;
  return error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
}

/** `retry-after-ms`, `Retry-After` in seconds or as an HTTP date; null when absent. */
export function retryAfterMs(error: unknown): number | null {
  const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
  const get = (name: string) => (headers && typeof headers.get === "function" ? headers.get(name) : null);
  const ms = Number(get("retry-after-ms"));
  if (get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = get("retry-after");
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });
}
