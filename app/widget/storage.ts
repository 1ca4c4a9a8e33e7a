import type { StoredState } from "./types";

// sessionStorage: the conversation survives navigation and reloads within the tab, and ends with it.
// Every access is guarded: storage can be disabled or full (Safari private mode, strict cookie settings).

export function storageKey(shop: string): string {
  return "baton-chat:" + shop;
}

export function loadState(store: Pick<Storage, "getItem"> | undefined, key: string): StoredState {
  try {
    const v = JSON.parse(store?.getItem(key) || "{}");
    return v && typeof v === "object" ? { c: typeof v.c === "string" ? v.c : undefined, o: v.o === true } : {};
  } catch {
    return {};
  }
}

export function saveState(store: Storage | undefined, key: string, patch: StoredState): void {
  try {
    const next = { ...loadState(store, key), ...patch };
    if (!next.c) delete next.c;
    store?.setItem(key, JSON.stringify(next));
  } catch {
    /* storage unavailable: the chat still works for this page view */
  }
}

/** `window.sessionStorage`, or undefined where merely touching it throws. */
export function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
