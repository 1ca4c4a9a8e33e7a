import escapeHtml from "escape-html";
import { renderWidgetEmbedHtml } from "~/widget/embed-markup";
import type { WidgetWords } from "~/widget/types";
import type { ProductFacts } from "~/domain/catalogue";
import { mapAdminProduct } from "~/shopify/admin-api/map-admin-product";
import { DEMO_CUSTOMERS, DEMO_POLICIES, DEMO_SHOP } from "./catalogue";
import { DEMO_PRODUCTS } from "./products";

export const DEMO_CUSTOMER_COOKIE = "baton_demo_customer";

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** One product card of the demo shelf: the same facts the assistant reads (app/demo/products.ts). */
function productCard(product: ProductFacts): string {
  const { min, max } = product.priceRange;
  const price = min.amount === max.amount ? usd.format(Number(min.amount)) : `${usd.format(Number(min.amount))} – ${usd.format(Number(max.amount))}`;
  const choices = product.options
    .filter((o) => !(o.values.length === 1 && o.values[0] === "Default Title"))
    .map((option) => {
      const values = option.values.map((value) => {
        const soldOut = product.variants.filter((v) => v.options[option.name] === value).every((v) => !v.availableForSale);
        return soldOut ? `${escapeHtml(value)} (sold out)` : escapeHtml(value);
      });
      return `<p class="opts">${escapeHtml(option.name)}: ${values.join(", ")}</p>`;
    })
    .join("");
  const heading = `<h2>${escapeHtml(product.title)}</h2><p>${escapeHtml(price)}</p>`;
  return `<li class="card" id="${escapeHtml(product.handle)}"><div class="ph" aria-hidden="true"></div>${heading}${choices}</li>`;
}

/**
 * A small storefront that embeds the chat widget exactly as the theme app extension's Liquid block
 * does, so the demo shows the real widget talking to the app through the (emulated) App Proxy.
 */
export function renderDemoStorefront(options: { loggedInCustomerId: string | null; locale?: string; widget?: boolean; words?: WidgetWords | null }): string {
  // `?locale=es` plays a theme in another language (Shopify: request.locale.iso_code).
  const locale = options.locale && /^[a-z]{2}(-[A-Z]{2})?$/.test(options.locale) ? options.locale : "en";
  const customer = Object.values(DEMO_CUSTOMERS).find((c) => c.id.endsWith(`/${options.loggedInCustomerId}`));
  const who = customer
    ? `Signed in as ${escapeHtml(customer.displayName ?? "")} · <a href="/?as=guest">Sign out</a>`
    : `Browsing as a guest · <a href="/?as=7001">Sign in as Sarah (sarah@example.com)</a>`;
  const products = DEMO_PRODUCTS.map((node) => productCard(mapAdminProduct(node))).join("");
  const widget = renderWidgetEmbedHtml({
    assetBase: "/extensions/baton-chat/assets",
    proxyPath: "/apps/baton",
    shop: DEMO_SHOP,
    locale,
    shopName: DEMO_POLICIES.shop.name,
    privacyUrl: DEMO_POLICIES.shop.shopPolicies.find((p) => p.type === "PRIVACY_POLICY")?.url,
    // Empty text settings: the translated defaults, as on a freshly installed theme.
    settings: { accent: "#1f5135", position: "right", launcherLabel: "", notice: "", rememberDays: 7 },
    // What Shopify's app-data metafield holds for a real shop: the words saved in Baton's admin.
    words: options.words ?? null,
    customer: customer ? { id: options.loggedInCustomerId!, email: customer.defaultEmailAddress?.emailAddress ?? "" } : undefined,
  });
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(DEMO_POLICIES.shop.name)} — Baton demo storefront</title>
<style>
  body{margin:0;font:16px/1.5 Georgia,serif;color:#222;background:#faf7f2}
  header{display:flex;justify-content:space-between;align-items:center;padding:16px 32px;border-bottom:1px solid #e5ded3;background:#fff}
  header strong{font-size:22px}
  .who{font:14px system-ui,sans-serif}
  main{max-width:960px;margin:0 auto;padding:32px}
  .hero{padding:40px 0}
  ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:24px}
  .card{background:#fff;border:1px solid #e5ded3;border-radius:8px;padding:16px}
  .card h2{font-size:18px;margin:12px 0 4px}
  .card p{margin:4px 0}
  .opts{font:13px system-ui,sans-serif;color:#5a5246}
  .ph{height:140px;background:linear-gradient(135deg,#e9e1d4,#d8cbb6);border-radius:6px}
  .demo-note{font:14px system-ui,sans-serif;background:#fff;border:1px dashed #b9ad99;border-radius:8px;padding:12px 16px}
  a{color:#1f5135}
</style>
</head>
<body>
<header><strong>${escapeHtml(DEMO_POLICIES.shop.name)}</strong><span class="who">${who}</span></header>
<main>
  <section class="hero"><h1>Things for slow mornings</h1><p>Wool, linen and stoneware, made to last.</p></section>
  <p class="demo-note">This is Baton's local demo store. Open the chat (bottom right) and try: “Where is my order #1042?”,
  then <code>sarah@example.com</code>, then “I never received it”; or ask about the products below
  (“Is the merino throw machine washable?”, “Do you have it in charcoal?”, “Gift ideas under $30?”). Escalation emails arrive in the
  <a href="/demo/inbox">demo inbox</a>; the merchant admin is at <a href="/app">/app</a>.</p>
  <ul>${products}</ul>
</main>
${options.widget === false ? "" : widget}
</body>
</html>`;
}
