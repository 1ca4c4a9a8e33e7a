import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError } from "@remix-run/react";
import { APP_BRIDGE_SCRIPT_URL, appBridgeApiKey } from "~/admin/app-bridge";

export default function App() {
  const apiKey = appBridgeApiKey(useMatches());
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {apiKey ? (
          <>
            {/* The latest App Bridge, from Shopify's CDN, first among the scripts in <head> (https://shopify.dev/docs/api/app-bridge-library). */}
            <meta name="shopify-api-key" content={apiKey} />
            <script src={APP_BRIDGE_SCRIPT_URL} />
          </>
        ) : null}
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

// public/favicon.svg (public/favicon.ico for browsers that ask for it anyway).
export const links = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

/**
 * Replaces Remix's default boundary, which logs the whole error (with its stack) while rendering —
 * for every 404 such as /favicon.ico. Errors are logged once, by `handleError` in entry.server.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>{status === 404 ? "Not found" : "Error"}</title>
      </head>
      <body>
        <h1>{status === 404 ? "Not found" : status < 500 ? "Bad request" : "Something went wrong"}</h1>
      </body>
    </html>
  );
}
