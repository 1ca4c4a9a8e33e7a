import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { AppProvider as PolarisAppProvider } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import enTranslations from "@shopify/polaris/locales/en.json";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider as ShopifyAppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { getEnv } from "~/env.server";
import { requireAdmin } from "~/admin/require-admin.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  return { apiKey: getEnv().shopifyApiKey, demo: admin.demo, shop: admin.shop };
}

// One list for both navigations: App Bridge's NavMenu (embedded) and the plain demo bar.
const NAV = [
  { to: "/app", label: "Home", rel: "home" },
  { to: "/app/cases", label: "Cases" },
  { to: "/app/analytics", label: "Analytics" },
  { to: "/app/settings", label: "Settings" },
  { to: "/app/plans", label: "Plans" },
];

export default function AdminLayout() {
  const { apiKey, demo } = useLoaderData<typeof loader>();
  if (demo) {
    // The local demo has no Shopify admin to embed in: plain Polaris, same pages.
    return (
      <PolarisAppProvider i18n={enTranslations}>
        <nav aria-label="Baton admin" style={{ display: "flex", gap: 16, padding: "12px 24px", background: "#1a1a1a" }}>
          {NAV.map((n) => (
            <Link key={n.to} to={n.to} style={{ color: "#fff" }} prefetch="intent">
              {n.label}
            </Link>
          ))}
          <a href="/" style={{ color: "#ccc", marginLeft: "auto" }}>Demo store</a>
          <a href="/demo/inbox" style={{ color: "#ccc" }}>Demo inbox</a>
        </nav>
        <Outlet />
      </PolarisAppProvider>
    );
  }
  return (
    <ShopifyAppProvider isEmbeddedApp apiKey={apiKey}>
      <NavMenu>
        {NAV.map((n) => (
          <Link key={n.to} to={n.to} rel={n.rel}>
            {n.label}
          </Link>
        ))}
      </NavMenu>
      <Outlet />
    </ShopifyAppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses so that its headers are included.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
