import { describe, expect, it } from "vitest";
import { createAdminLinks } from "./admin-links.server";

describe("createAdminLinks", () => {
  it("links a real shop's case inside Shopify admin, under the app's handle", () => {
    const links = createAdminLinks({ appUrl: "https://baton.example.com", apiKey: "key/1", demo: false });
    expect(links.adminCaseUrl("my-store.myshopify.com", "case 7")).toBe("https://admin.shopify.com/store/my-store/apps/key%2F1/app/cases/case%207");
    expect(links.messageIdDomain()).toBe("baton.example.com");
  });

  it("links the demo's cases to its own admin", () => {
    const links = createAdminLinks({ appUrl: "http://localhost:3000", apiKey: "k", demo: true });
    expect(links.adminCaseUrl("baton-demo.myshopify.com", "c1")).toBe("http://localhost:3000/app/cases/c1");
    expect(links.messageIdDomain()).toBe("localhost");
  });
});
