import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { billingConfigFromPlans } from "./shopify/billing-plans";
import { db } from "./db.server";
import { getEnv } from "./env.server";
import { announce, onAnnouncement } from "./platform/cluster-broadcast.server";
import { CachedSessionStorage } from "./shopify/session-cache.server";

/** The Admin API version used everywhere: code, shopify.app.toml webhooks, fixtures and tests. */
export const API_VERSION = ApiVersion.July26;

const env = getEnv();

const billing = billingConfigFromPlans();

/** Session storage shared by the library and our webhooks (which must invalidate its cache). */
export const cachedSessionStorage = new CachedSessionStorage(new PrismaSessionStorage(db()), {
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
    afterAuth: async ({ session }) => {
      await db().shop.upsert({
        where: { domain: session.shop },
        create: { domain: session.shop },
        update: { uninstalledAt: null, installedAt: new Date() },
      });
    },
  },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(env.shopCustomDomain ? { customShopDomains: [env.shopCustomDomain] } : {}),
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
