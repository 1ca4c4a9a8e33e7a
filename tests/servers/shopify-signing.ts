import { createHmac, randomUUID } from "node:crypto";

/** The API version every fake and every signed request in the harness speaks. */
export const SHOPIFY_API_VERSION = "2026-07";

export { buildSignedProxyUrl, signAppProxyParams, type AppProxyRequestParts } from "../../app/chat/app-proxy-signature.server";

/** Value of `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body bytes. */
export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

export interface WebhookDelivery {
  /** REST-style topic as Shopify sends it, e.g. "customers/redact", "app/uninstalled". */
  topic: string;
  shop: string;
  /** An object is JSON-encoded; a string is sent (and signed) byte for byte. */
  body: unknown;
  secret: string;
  apiVersion?: string;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: Date;
}

/** A `fetch` RequestInit carrying the headers Shopify sends with a webhook delivery. */
export function buildWebhookRequestInit(delivery: WebhookDelivery): RequestInit & { headers: Record<string, string>; body: string } {
  const body = typeof delivery.body === "string" ? delivery.body : JSON.stringify(delivery.body);
  return {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": delivery.topic,
      "X-Shopify-Hmac-Sha256": signWebhookBody(body, delivery.secret),
      "X-Shopify-Shop-Domain": delivery.shop,
      "X-Shopify-API-Version": delivery.apiVersion ?? SHOPIFY_API_VERSION,
      "X-Shopify-Webhook-Id": delivery.webhookId ?? randomUUID(),
      "X-Shopify-Triggered-At": (delivery.triggeredAt ?? new Date()).toISOString(),
      "X-Shopify-Event-Id": delivery.eventId ?? randomUUID(),
      "User-Agent": "Shopify-Captain-Hook",
    },
  };
}
