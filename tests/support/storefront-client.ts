import { buildSignedProxyUrl } from "../servers/shopify-signing";
import { TEST_API_SECRET } from "./app-server";

export interface ChatReply {
  status: number;
  headers: Headers;
  body: {
    conversationId?: string;
    state?: string;
    messages?: Array<{ role: string; text: string; at?: string }>;
    replyTo?: string | null;
    error?: { code: string; message: string };
  };
}

export interface SignOptions {
  shop?: string;
  customerId?: string | null;
  secret?: string;
  timestamp?: number;
  ip?: string;
  extra?: Record<string, string>;
}

/**
 * Without an `ip`, each call comes from its own address (as separate shoppers do), so files that
 * escalate many conversations do not trip the per-address abuse caps (3 new cases per hour).
 */
let nextAddress = 0;
const ownAddress = () => `198.18.${(nextAddress >> 8) & 255}.${nextAddress++ & 255}`;

/** A shopper's browser behind Shopify's App Proxy: every call is signed as Shopify signs it. */
export function storefront(origin: string, defaults: SignOptions = {}) {
  const url = (o: SignOptions) =>
    buildSignedProxyUrl(
      origin,
      "/proxy/chat",
      {
        shop: o.shop ?? defaults.shop ?? "baton-demo.myshopify.com",
        loggedInCustomerId: o.customerId ?? defaults.customerId ?? null,
        timestamp: o.timestamp,
        extra: o.extra,
      },
      o.secret ?? defaults.secret ?? TEST_API_SECRET,
    );
  return {
    url,
    async post(body: unknown, o: SignOptions = {}): Promise<ChatReply> {
      const res = await fetch(url(o), {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": o.ip ?? defaults.ip ?? ownAddress() },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      try {
        return { status: res.status, headers: res.headers, body: JSON.parse(text) as ChatReply["body"] };
      } catch {
        throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`);
      }
    },
    async history(conversationId: string, o: SignOptions = {}): Promise<ChatReply> {
      const res = await fetch(url({ ...o, extra: { conversationId } }), { headers: { "X-Forwarded-For": o.ip ?? "203.0.113.7" } });
      return { status: res.status, headers: res.headers, body: await res.json() };
    },
  };
}
