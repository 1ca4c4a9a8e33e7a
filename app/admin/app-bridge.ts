// App Bridge for the embedded admin. Shopify documents one setup: a `shopify-api-key` meta tag and
// the CDN script (which always serves the latest App Bridge) in the document's <head>
// (https://shopify.dev/docs/api/app-bridge-library). The Remix package's AppProvider renders the script
// where the provider sits, inside <body>, so root.tsx renders it instead for routes that ask for it.

/** Unversioned on purpose: Shopify keeps this URL on the latest App Bridge. */
export const APP_BRIDGE_SCRIPT_URL = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

/** The API key of the deepest route whose data carry `appBridgeApiKey` (the embedded admin layout), or null. */
export function appBridgeApiKey(matches: ReadonlyArray<{ data?: unknown }>): string | null {
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i].data as { appBridgeApiKey?: unknown } | null | undefined;
    if (data && typeof data.appBridgeApiKey === "string" && data.appBridgeApiKey) return data.appBridgeApiKey;
  }
  return null;
}
