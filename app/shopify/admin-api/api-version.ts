/** Admin API version string used by our own client; the same as ApiVersion.July26 in shopify.server.ts. */
export const API_VERSION_STRING = "2026-07";
