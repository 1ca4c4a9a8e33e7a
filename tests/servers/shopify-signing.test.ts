import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { verifyAppProxyQuery } from "../../app/chat/app-proxy-signature.server";
import { buildSignedProxyUrl, buildWebhookRequestInit, signAppProxyParams, signWebhookBody } from "./shopify-signing";

// Published App Proxy vectors (shopify.dev "authenticate app proxies"), summarized in docs/shopify-platform.md §a.
const VECTOR_QUERY = "extra=1&extra=2&shop=shop-name.myshopify.com&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555";

const shopify = shopifyApi({
  apiKey: "key",
  apiSecretKey: "hush",
  apiVersion: ApiVersion.July26,
  hostName: "baton.example",
  isEmbeddedApp: true,
  logger: { level: 0 },
});

describe("signAppProxyParams", () => {
  it("matches the published vector for a logged-in customer", () => {
    const params = new URLSearchParams(`${VECTOR_QUERY}&logged_in_customer_id=1`);
    expect(signAppProxyParams(params, "hush")).toBe("4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb");
  });

  it("matches the published vector for an anonymous shopper", () => {
    const params = new URLSearchParams(`${VECTOR_QUERY}&logged_in_customer_id=`);
    expect(signAppProxyParams(params, "hush")).toBe("e072b6d7e6622d85912a5214b860d3100dc1e73d9bc29f43796ac8c9ff8093cb");
  });

  it("takes a record with repeated values and ignores an existing signature", () => {
    const record = {
      extra: ["1", "2"],
      shop: "shop-name.myshopify.com",
      logged_in_customer_id: "1",
      path_prefix: "/apps/awesome_reviews",
      timestamp: "1317327555",
      signature: "stale",
    };
    expect(signAppProxyParams(record, "hush")).toBe("4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb");
  });
});

describe("buildSignedProxyUrl", () => {
  it("builds a URL that @shopify/shopify-api accepts, and rejects when tampered", async () => {
    const url = new URL(
      buildSignedProxyUrl("http://127.0.0.1:3000", "/proxy/chat", { shop: "demo.myshopify.com", loggedInCustomerId: "42", extra: { q: "hi" } }, "hush"),
    );
    expect(url.pathname).toBe("/proxy/chat");
    expect(url.searchParams.get("path_prefix")).toBe("/apps/baton");
    const query = Object.fromEntries(url.searchParams);
    await expect(shopify.utils.validateHmac(query, { signator: "appProxy" })).resolves.toBe(true);
    await expect(shopify.utils.validateHmac({ ...query, logged_in_customer_id: "43" }, { signator: "appProxy" })).resolves.toBe(false);
  });

  it("sends an empty logged_in_customer_id for anonymous shoppers", () => {
    const url = new URL(buildSignedProxyUrl("http://x.test/base/", "proxy", { shop: "demo.myshopify.com", timestamp: 1 }, "hush"));
    expect(url.pathname).toBe("/base/proxy");
    expect(url.searchParams.get("logged_in_customer_id")).toBe("");
    expect(url.searchParams.get("timestamp")).toBe("1");
  });
});

describe("webhook signing", () => {
  it("signs like Shopify (base64 HMAC of the raw body)", () => {
    expect(signWebhookBody('{"a":1}', "hush")).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it("builds a delivery that @shopify/shopify-api validates", async () => {
    const init = buildWebhookRequestInit({
      topic: "customers/redact",
      shop: "demo.myshopify.com",
      body: { shop_id: 1, shop_domain: "demo.myshopify.com", customer: { id: 7, email: "sarah@example.com", phone: null }, orders_to_redact: [1042] },
      secret: "hush",
    });
    const request = new Request("https://baton.example/webhooks/compliance", init);
    const result = await shopify.webhooks.validate({ rawBody: init.body, rawRequest: request });
    expect(result).toMatchObject({ valid: true, topic: "CUSTOMERS_REDACT", domain: "demo.myshopify.com", apiVersion: "2026-07" });

    const forged = buildWebhookRequestInit({ topic: "shop/redact", shop: "demo.myshopify.com", body: {}, secret: "wrong" });
    const rejected = await shopify.webhooks.validate({ rawBody: forged.body, rawRequest: new Request("https://baton.example/w", forged) });
    expect(rejected.valid).toBe(false);
  });
});

describe("verifyAppProxyQuery (the app's verifier)", () => {
  const secret = "hush";
  const vector = "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555";
  const signed = (q: string, sig: string) => new URLSearchParams(`${q}&signature=${sig}`);
  const at = 1317327555;

  it("accepts both published vectors and returns only the signed customer id", () => {
    expect(verifyAppProxyQuery(signed(vector, "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb"), secret, at)).toEqual({
      ok: true,
      shop: "shop-name.myshopify.com",
      loggedInCustomerId: "1",
    });
    const anonymous = vector.replace("logged_in_customer_id=1", "logged_in_customer_id=");
    expect(verifyAppProxyQuery(signed(anonymous, "e072b6d7e6622d85912a5214b860d3100dc1e73d9bc29f43796ac8c9ff8093cb"), secret, at)).toMatchObject({
      ok: true,
      loggedInCustomerId: null,
    });
  });

  it.each([
    ["a tampered customer id", vector.replace("logged_in_customer_id=1", "logged_in_customer_id=2"), at, "bad_signature"],
    ["a timestamp 91 s old", vector, at + 91, "stale"],
    ["no signature", vector, at, "missing"],
  ])("rejects %s", (_label, query, now, reason) => {
    const params = reason === "missing" ? new URLSearchParams(query) : signed(query, "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb");
    expect(verifyAppProxyQuery(params, secret, now)).toEqual({ ok: false, reason });
  });

  it("rejects a shop that is not a myshopify.com domain", () => {
    const q = new URLSearchParams("shop=evil.example.com&timestamp=1&logged_in_customer_id=");
    q.set("signature", signAppProxyParams(q, secret));
    expect(verifyAppProxyQuery(q, secret, 1)).toEqual({ ok: false, reason: "bad_shop" });
  });
});
