import { describe, expect, it } from "vitest";
import { DEMO_PRODUCTS } from "./products";
import { renderDemoStorefront } from "./storefront-page";

describe("demo storefront page", () => {
  it("shows every product of the demo catalogue with its price and choices, sold-out colours marked", () => {
    const html = renderDemoStorefront({ loggedInCustomerId: null, widget: false });
    for (const product of DEMO_PRODUCTS) expect(html).toContain(`<h2>${product.title}</h2>`);
    expect(html).toContain('<h2>Merino Wool Throw</h2><p>$49.00</p><p class="opts">Color: Oat, Sage, Charcoal (sold out)</p>');
    expect(html).toContain("<h2>Handwoven Wool Rug</h2><p>$690.00 – $1,180.00</p>");
    expect(html).toContain("Denomination: $25, $50, $100");
  });
});
