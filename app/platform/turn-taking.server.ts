/**
 * Fair turns on one event loop. Node runs every I/O callback that is ready in one poll phase: under
 * a burst, 32 chat turns (each a few milliseconds of synchronous work once its request arrived) run
 * back to back, and any other I/O of the process — the outbox's SMTP conversation and database
 * round trips when WEB_CONCURRENCY=0 — waits behind the whole batch at each of its steps (hand-off
 * p99 8 s under load). `takeTurn()` admits one waiting request per loop iteration (setImmediate
 * runs after the poll phase; one scheduled from there runs in the next iteration), so other I/O
 * waits for at most about one turn. Throughput is unchanged: the loop just goes round more often.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function admitNext(): void {
  const next = waiting.shift();
  if (waiting.length > 0) setImmediate(admitNext);
  else scheduled = false;
  next?.();
}

/** Resolves when it is this request's turn to run (in a later check phase of the event loop). */
export function takeTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(admitNext);
    }
  });
}

/** Requests waiting for their turn (for tests and diagnostics). */
export function turnsWaiting(): number {
  return waiting.length;
}
