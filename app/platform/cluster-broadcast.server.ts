import cluster from "node:cluster";

/**
 * Cache invalidations between the HTTP worker processes of one cluster (WEB_CONCURRENCY > 1): a
 * worker that changes a shop's settings or sessions drops its own cache entry and announces it; the
 * primary relays the announcement to the other workers over IPC. A single process announces to
 * nobody. Other app instances still rely on the caches' short TTLs.
 */
const CHANNEL = "baton:announce";

interface Announcement {
  type: typeof CHANNEL;
  topic: string;
  value: string;
}

const listeners = new Map<string, Set<(value: string) => void>>();
let receiving = false;

function isAnnouncement(message: unknown): message is Announcement {
  const m = message as Partial<Announcement> | null;
  return m?.type === CHANNEL && typeof m.topic === "string" && typeof m.value === "string";
}

/** Runs `listener` when another worker of this cluster announces `topic`. */
export function onAnnouncement(topic: string, listener: (value: string) => void): void {
  let set = listeners.get(topic);
  if (!set) listeners.set(topic, (set = new Set()));
  set.add(listener);
  if (cluster.isWorker && !receiving) {
    receiving = true;
    process.on("message", (message: unknown) => {
      if (isAnnouncement(message)) for (const l of listeners.get(message.topic) ?? []) l(message.value);
    });
  }
}

/** Tells the other workers of this cluster (no-op outside a cluster worker). */
export function announce(topic: string, value: string): void {
  if (cluster.isWorker && process.connected) process.send?.({ type: CHANNEL, topic, value } satisfies Announcement);
}

/** In the cluster primary: relays each worker's announcements to every other worker. */
export function relayAnnouncements(): void {
  cluster.on("message", (from, message: unknown) => {
    if (!isAnnouncement(message)) return;
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message);
    }
  });
}
