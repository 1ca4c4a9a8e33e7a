import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { DEMO_CUSTOMERS } from "~/demo/catalogue";
import { DEMO_CUSTOMER_COOKIE, renderDemoStorefront } from "~/demo/storefront-page";
import { appConfig } from "~/shopify.server";
import { db } from "~/db.server";
import { loadWidgetWords } from "~/admin/widget-words.server";

// "/" is the demo storefront while the local demo runs; in a real deployment Shopify opens the
// app at /app (embedded), so "/" only forwards there.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (!appConfig.demo) {
    if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
    return new Response("Baton — AI support chat for Shopify stores. Install it from the Shopify App Store.", {
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const as = url.searchParams.get("as");
  if (as !== null) {
    const known = Object.values(DEMO_CUSTOMERS).some((c) => c.id.endsWith(`/${as}`));
    const cookie = known
      ? `${DEMO_CUSTOMER_COOKIE}=${as}; Path=/; SameSite=Lax; HttpOnly`
      : `${DEMO_CUSTOMER_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly`;
    return redirect("/", { headers: { "Set-Cookie": cookie } });
  }
  const match = new RegExp(`(?:^|;\\s*)${DEMO_CUSTOMER_COOKIE}=(\\d+)`).exec(request.headers.get("cookie") ?? "");
  return new Response(
    renderDemoStorefront({
      loggedInCustomerId: match?.[1] ?? null,
      locale: url.searchParams.get("locale") ?? undefined,
      // `?widget=0`: the same page without the app embed (npm run bench:storefront compares both).
      widget: url.searchParams.get("widget") !== "0",
      // The words saved in the admin, as Shopify's app-data metafield hands them to the theme embed.
      words: await loadWidgetWords(db(), appConfig.demo.shop),
    }),
    {
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    },
  );
}
