import { llmConfigFrom, type ChatConfig, type ChatEdgeConfig } from "~/chat/chat-deps";
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { clearAdminAccessNotice } from "./shopify/admin-access-notice.server";
import { DEMO_SHOP } from "./demo/catalogue";
import { createDemoOrderLookup, createDemoPolicySource } from "./demo/demo-order-lookup";
import { createDemoCatalogueSource } from "./demo/demo-catalogue-source";
import type { CatalogueSource } from "./domain/catalogue";
import { adminCatalogueFor, forgetShopCatalogue } from "./shopify/catalogue.server";
import { resetPlanFromBilling } from "./shopify/billing-sync.server";
import { billingConfigFromPlans } from "./shopify/billing-plans";
import { forgetShopContext } from "./chat/shop-context.server";
import { seedDemoShop as seedDemo } from "./demo/seed-demo.server";
import { configureDatabase, db } from "./db.server";
import { getEnv } from "./env.server";
import { configureInbound } from "./email/inbound/inbound-config.server";
import { announce, onAnnouncement } from "./platform/cluster-broadcast.server";
import { configureLogger } from "./platform/logger.server";
import { createTokenCipher } from "./platform/token-cipher.server";
import { createAdminLinks } from "./shopify/admin-links.server";
import type { ComplianceHooks } from "./shopify/compliance.server";
import { EncryptedSessionStorage } from "./shopify/encrypted-session-storage.server";
import { offlineAccessToken } from "./shopify/offline-token.server";
import { adminLookupsFor, type ShopLookups } from "./shopify/order-lookup.server";
import { CachedSessionStorage } from "./shopify/session-cache.server";
import { prefillEmptyRecipient as prefillRecipientFromProfile, syncShopProfile, type AdminGraphql } from "./shopify/shop-profile.server";

/** The Admin API version used everywhere: code, shopify.app.toml webhooks, fixtures and tests. */
export const API_VERSION = ApiVersion.July26;

const env = getEnv();
configureLogger({ level: env.logLevel, format: env.demo.enabled ? "concise" : "json" });
configureDatabase(env.databaseUrl);
configureInbound(env.inbound, env.shopifyApiSecret);

/**
 * What routes and the admin's services need from the configuration, and nothing more (only the
 * composition roots read `getEnv()`; everything else receives values from here).
 */
export const appConfig = Object.freeze({
  /** SHOPIFY_API_KEY: App Bridge, theme editor deep links, admin URLs. */
  apiKey: env.shopifyApiKey,
  /** SHOPIFY_APP_URL: billing return URLs. */
  appUrl: env.shopifyAppUrl,
  /** Billing charges are test charges outside production. */
  isProduction: env.isProduction,
  /** SHOPIFY_ADMIN_API_ORIGIN: where Admin GraphQL calls go (egress proxy, tests). */
  adminApiOrigin: env.shopifyAdminApiOrigin,
  /** MAIL_FROM: the sender of every email (with the shop's "from name"). */
  mailFrom: env.mailFrom,
  /** An LLM is configured (OPENAI_API_KEY): the admin shows model settings and numbers. */
  llmConfigured: Boolean(env.openai.apiKey),
  /** The local demo (started by `npm run demo` only): its shop and inbox; null everywhere else. */
  demo: env.demo.enabled ? Object.freeze({ shop: DEMO_SHOP, inboxDir: env.demo.inboxDir }) : null,
});

/** Links into the admin and our Message-ID domain. */
export const adminLinks = createAdminLinks({ appUrl: env.shopifyAppUrl, apiKey: env.shopifyApiKey, demo: env.demo.enabled });

/** What a storefront chat turn is configured with (app/chat/chat-deps.ts). */
export const chatConfig: ChatConfig = Object.freeze({
  llm: llmConfigFrom(env),
  followUpBatchMs: env.outbox.followUpBatchMs,
  mailFrom: env.mailFrom,
  appSecret: env.shopifyApiSecret,
  messageIdDomain: adminLinks.messageIdDomain(),
  adminCaseUrl: adminLinks.adminCaseUrl,
});

/** The chat's request edge: client address and rate limits (app/chat/chat-limits.server.ts). */
export const chatEdgeConfig: ChatEdgeConfig = Object.freeze({
  trustedProxyHops: env.trustedProxyHops,
  rateLimitStore: { databaseUrl: env.databaseUrl, databaseProvider: env.databaseProvider, webConcurrency: env.webConcurrency },
  rateLimits: env.rateLimits,
});

const billing = billingConfigFromPlans();

const tokenCipher = createTokenCipher(env.encryptionKeys.current, env.encryptionKeys.previous);

/**
 * Session storage shared by the library and our webhooks (which must invalidate its cache). Tokens
 * are encrypted at rest (AES-256-GCM, ENCRYPTION_KEY); the cache holds decrypted sessions in memory.
 */
export const cachedSessionStorage = new CachedSessionStorage(new EncryptedSessionStorage(new PrismaSessionStorage(db()), tokenCipher), {
  announce: (key) => announce(SESSION_CHANGED, key),
});
const SESSION_CHANGED = "session";
onAnnouncement(SESSION_CHANGED, (key) => cachedSessionStorage.forgetAnnounced(key));

/** The one Shopify app object of this process (the composition root for Shopify concerns). */
const shopify = shopifyApp({
  apiKey: env.shopifyApiKey,
  apiSecretKey: env.shopifyApiSecret,
  apiVersion: API_VERSION,
  scopes: env.scopes,
  appUrl: env.shopifyAppUrl,
  authPathPrefix: "/auth",
  sessionStorage: cachedSessionStorage,
  distribution: AppDistribution.AppStore,
  billing,
  hooks: {
    // Install or reinstall: the shop row exists and is active again.
    afterAuth: async ({ session, admin }) => {
      await db().shop.upsert({
        where: { domain: session.shop },
        create: { domain: session.shop },
        update: { uninstalledAt: null, installedAt: new Date() },
      });
      // A new offline token was just stored: Admin API access works again.
      await clearAdminAccessNotice(db(), session.shop);
      // Install or reinstall: the plan is whatever Shopify's billing says now, never a stale paid plan.
      await resetPlanFromBilling(db(), session.shop, (query) => admin.graphql(query).then((r) => r.json()), !env.isProduction);
      await syncShopProfile(db(), session.shop, admin, forgetShopContext);
    },
  },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(env.shopCustomDomain ? { customShopDomains: [env.shopCustomDomain] } : {}),
});

/** What the compliance and uninstall webhooks need from the caches of this process and the configuration. */
export const complianceHooks: ComplianceHooks = {
  forgetSessions: (shop) => cachedSessionStorage.forgetShop(shop),
  // Uninstall and shop/redact: the shop's settings and its cached catalogue leave this process's memory.
  forgetShopSettings: (shop) => {
    forgetShopContext(shop);
    forgetShopCatalogue(shop);
  },
  mailFrom: env.mailFrom,
  messageIdDomain: adminLinks.messageIdDomain(),
};

/** Seeds the demo shop; the demo launcher calls it through the server build (app/entry.launcher.server.ts). */
/** Fills an empty escalation recipient from the shop's contact email (shops installed before install did it). */
export function prefillEmptyRecipient(shop: string, admin: AdminGraphql): Promise<void> {
  return prefillRecipientFromProfile(db(), shop, admin, forgetShopContext);
}

export function seedDemoShop(): Promise<void> {
  if (!appConfig.demo) return Promise.reject(new Error("seedDemoShop is only available in the demo"));
  return seedDemo(db(), { scopes: env.scopes });
}

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;

/**
 * The shop's offline Admin API token for work outside the embedded admin (storefront turns,
 * webhooks), refreshed when it is about to expire (app/shopify/offline-token.server.ts).
 */
export function offlineTokenFor(shop: string): Promise<string | undefined> {
  return offlineAccessToken(
    { db: db(), sessions: cachedSessionStorage, apiKey: env.shopifyApiKey, apiSecret: env.shopifyApiSecret, origin: env.shopifyAdminApiOrigin },
    shop,
  );
}

/**
 * Where a shop's orders and policies come from: the Admin API with the shop's offline token, or —
 * only in a process the demo launcher started, and only for the demo shop — the demo catalogue
 * behind the same ports. The one place the demo is wired in.
 */
let demoLookups: ShopLookups | undefined;

export function shopLookupsFor(shop: string, accessToken: string | undefined): ShopLookups {
  if (getEnv().demo.enabled && shop === DEMO_SHOP) return (demoLookups ??= { ...createDemoOrderLookup(), ...createDemoPolicySource() });
  return adminLookupsFor(shop, accessToken, getEnv().shopifyAdminApiOrigin);
}

let demoCatalogue: CatalogueSource | undefined;

/**
 * Where a shop's products come from: the Admin API with the shop's offline token, cached per shop
 * and refreshed after a short TTL (app/shopify/catalogue.server.ts) — or, only in a process the demo
 * launcher started and only for the demo shop, the demo catalogue behind the same port.
 */
export function shopCatalogueFor(shop: string, accessToken: string | undefined): CatalogueSource {
  if (getEnv().demo.enabled && shop === DEMO_SHOP) return (demoCatalogue ??= createDemoCatalogueSource());
  return adminCatalogueFor(shop, accessToken, getEnv().shopifyAdminApiOrigin);
}
