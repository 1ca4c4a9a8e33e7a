import type { StoredState } from "./types";

// Where the widget remembers the shopper's conversation. Every access is guarded: storage can be
// disabled or full (Safari private mode, strict cookie settings), and then the chat still works.
// - The conversation id lives in localStorage for `rememberDays` days (sliding), so a new tab or a
//   later visit carries on and a returning shopper sees their case. 0 days, or no localStorage:
//   sessionStorage (this tab only; it still survives navigation and reloads).
// - It is bound to the signed-in customer it was started with: a different customer, or signing
//   out, drops it, so the next person on a shared computer never sees it.
// - Whether the panel is open is per tab (sessionStorage), so a new tab does not pop it open.

const DAY = 86_400_000;

export interface WidgetStore {
  load(): StoredState;
  save(patch: StoredState): void;
}

interface Saved {
  c?: unknown;
  /** customer id the conversation belongs to ("" = guest) */
  u?: unknown;
  /** expiry, epoch ms; 0 = none (tab storage) */
  e?: unknown;
  /** 1 while the conversation's case is with the team (the launcher's marker) */
  k?: unknown;
  /** the time (ISO) of the latest team message the shopper has seen */
  s?: unknown;
  /** the moments already rated, "a" (answer) and/or "h" (hand-off): never asked twice, even after a reload */
  r?: unknown;
}

export function storageKey(shop: string): string {
  return "baton-chat:" + shop;
}

/** `window[name]`, or undefined where merely touching it throws (storage blocked with cookies). */
export function browserStorage(name: "localStorage" | "sessionStorage"): Storage | undefined {
  try {
    return window[name];
  } catch {
    return undefined;
  }
}

function read(s: Storage | undefined, key: string): Saved {
  try {
    const v = JSON.parse(s?.getItem(key) || "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

function write(s: Storage | undefined, key: string, value: string | null) {
  try {
    if (value === null) s?.removeItem(key);
    else s?.setItem(key, value);
  } catch {
    /* full or unavailable: this page view still works */
  }
}

export function createStore(shop: string, customer: string, days: number, long: Storage | undefined, tab: Storage | undefined, now = Date.now): WidgetStore {
  const key = storageKey(shop);
  const remember = days > 0 && long ? long : tab;
  const openKey = key + ":open";
  return {
    load() {
      const r = read(remember, key);
      const valid = typeof r.c === "string" && r.c !== "" && r.u === customer && (!r.e || (r.e as number) > now());
      if (!valid && r.c !== undefined) write(remember, key, null);
      return {
        c: valid ? (r.c as string) : undefined,
        o: tab?.getItem(openKey) === "1",
        ...(valid && r.k ? { k: true } : {}),
        ...(valid && typeof r.s === "string" ? { s: r.s } : {}),
        ...(valid && typeof r.r === "string" ? { r: r.r } : {}),
      };
    },
    save(patch) {
      if ("c" in patch || "k" in patch || "s" in patch || "r" in patch) {
        const cur = read(remember, key);
        const c = "c" in patch ? patch.c : cur.u === customer ? (cur.c as string | undefined) : undefined;
        // The case marker and the last team message seen belong to one conversation: a new one starts without them.
        const same = c === cur.c && cur.u === customer;
        const k = "k" in patch ? patch.k : same && !!cur.k;
        const seen = "s" in patch ? patch.s : same && typeof cur.s === "string" ? cur.s : undefined;
        const rated = "r" in patch ? patch.r : same && typeof cur.r === "string" ? cur.r : undefined;
        const e = remember === long ? now() + days * DAY : 0;
        write(
          remember,
          key,
          c ? JSON.stringify({ c, u: customer, e, ...(k ? { k: 1 } : {}), ...(seen ? { s: seen } : {}), ...(rated ? { r: rated } : {}) }) : null,
        );
      }
      if (patch.o !== undefined) write(tab, openKey, patch.o ? "1" : "0");
    },
  };
}
