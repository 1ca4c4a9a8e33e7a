import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { AppProvider as PolarisAppProvider } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import phoneLayout from "~/admin/phone-layout.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider as ShopifyAppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { requireAdmin } from "~/admin/require-admin.server";
import { AdminUiProvider, useAdminLayout, useT, type AdminLayoutData } from "~/admin/admin-ui";
import { polarisTranslations } from "~/admin/i18n/polaris";
import { loadShopFormat } from "~/admin/shop-format.server";
import { db } from "~/db.server";
import { appConfig } from "~/shopify.server";

// Child routes without their own meta use this title (Shopify admin shows its own title bar).
export const meta: MetaFunction = () => [{ title: "Baton" }];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: phoneLayout },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const layout: AdminLayoutData = { demo: admin.demo, format: await loadShopFormat(db(), admin.shop, request), llmConfigured: appConfig.llmConfigured };
  // root.tsx puts App Bridge in <head> for pages whose data carry `appBridgeApiKey` (embedded only).
  return { apiKey: appConfig.apiKey, shop: admin.shop, appBridgeApiKey: admin.demo ? null : appConfig.apiKey, ...layout };
}

// One list for both navigations: App Bridge's NavMenu (embedded) and the plain demo bar.
const NAV = [
  { to: "/app", label: "home", rel: "home" },
  { to: "/app/cases", label: "cases" },
  { to: "/app/analytics", label: "analytics" },
  { to: "/app/settings", label: "settings" },
  { to: "/app/plans", label: "plans" },
] as const;

// Polaris links (Page actions, IndexTable rows, Link) navigate client-side through Remix in the
// demo, as shopify-app-remix's AppProvider does when embedded; external links stay plain anchors.
function DemoLink({ url, external, children, ...rest }: { url: string; external?: boolean; children?: React.ReactNode; [key: string]: unknown }) {
  if (external || /^(https?:|mailto:)/.test(url)) {
    return (
      <a href={url} {...rest} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
        {children}
      </a>
    );
  }
  return (
    <Link to={url} {...rest}>
      {children}
    </Link>
  );
}

export default function AdminLayout() {
  const { apiKey, demo } = useLoaderData<typeof loader>();
  // The merchant's language (Shopify's `locale`): our words and Polaris' own.
  const t = useT();
  const polarisI18n = polarisTranslations(useAdminLayout().format.locale);
  if (demo) {
    // The local demo has no Shopify admin to embed in: plain Polaris, same pages.
    return (
      <PolarisAppProvider i18n={polarisI18n} linkComponent={DemoLink}>
        <AdminUiProvider embedded={false}>
          <nav aria-label={t.nav.label} style={{ display: "flex", flexWrap: "wrap", gap: "8px 16px", padding: "12px 16px", background: "#1a1a1a" }}>
            {NAV.map((n) => (
              <Link key={n.to} to={n.to} style={{ color: "#fff" }} prefetch="intent">
                {t.nav[n.label]}
              </Link>
            ))}
            <a href="/" style={{ color: "#ccc", marginLeft: "auto" }}>
              {t.nav.demoStore}
            </a>
            <a href="/demo/inbox" style={{ color: "#ccc" }}>
              {t.nav.demoInbox}
            </a>
          </nav>
          <Outlet />
        </AdminUiProvider>
      </PolarisAppProvider>
    );
  }
  return (
    // isEmbeddedApp={false} only stops the provider from rendering its own App Bridge <script> here,
    // inside <body>: root.tsx loads it in <head>, where Shopify documents it (and Built for Shopify checks).
    <ShopifyAppProvider isEmbeddedApp={false} apiKey={apiKey} i18n={polarisI18n}>
      <NavMenu>
        {NAV.map((n) => (
          <Link key={n.to} to={n.to} rel={"rel" in n ? n.rel : undefined}>
            {t.nav[n.label]}
          </Link>
        ))}
      </NavMenu>
      <AdminUiProvider embedded>
        <Outlet />
      </AdminUiProvider>
    </ShopifyAppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses so that its headers are included.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
