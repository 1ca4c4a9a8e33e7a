import { browserStorage } from "./storage";

// One storefront visit: a random token kept for this tab (sessionStorage: it survives reloads and
// navigation, and is gone when the tab closes). The chat sends it with every message; the server
// lets an order proof or an address count only for the visit that gave it (30 minutes idle at
// most), so the next person on a shared device is asked to prove again although the conversation,
// remembered on the device, is still shown. Where sessionStorage is blocked the token lives as long
// as the page.
const KEY = "baton-chat:visit";
let pageToken = "";

export function visitToken(tab: Storage | undefined = browserStorage("sessionStorage")): string {
  try {
    const kept = tab?.getItem(KEY);
    if (kept && /^[\w-]{22,64}$/.test(kept)) return kept;
  } catch {
    /* blocked: fall back to this page's token */
  }
  const token = pageToken || (pageToken = randomToken());
  try {
    tab?.setItem(KEY, token);
  } catch {
    /* full or blocked: this page's token still serves */
  }
  return token;
}

// 128 random bits, base64url (22 characters).
function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
