import { describe, expect, it } from "vitest";
import { loadAdminSchema, parseAndValidate } from "../../tests/servers/shopify-admin-schema";
import { assistantSettingsSchema } from "~/domain/shop-settings";
import { widgetWordsFor, widgetWordsSettingsSchema } from "./widget-words";
import { APP_INSTALLATION_QUERY, METAFIELDS_SET_MUTATION, publishWidgetWords, WIDGET_METAFIELD } from "./widget-words.server";

const defaults = assistantSettingsSchema.parse({});

describe("widget words", () => {
  it.each([
    ["the installation id query", APP_INSTALLATION_QUERY],
    ["the metafield write", METAFIELDS_SET_MUTATION],
  ])("%s validates against the 2026-07 Admin schema", (_name, doc) => {
    const outcome = parseAndValidate(loadAdminSchema(), doc);
    expect("errors" in outcome ? outcome.errors : []).toEqual([]);
  });

  it("leaves untouched words to the shopper's language and carries the merchant's own as written", () => {
    expect(widgetWordsFor(defaults, widgetWordsSettingsSchema.parse({}))).toEqual({
      assistantName: null,
      greeting: null,
      quickActions: null,
      replyTime: null,
    });
    const own = widgetWordsFor(
      { name: "Ana", greeting: "Hola, soy Ana." },
      widgetWordsSettingsSchema.parse({ quickActions: ["¿Dónde está mi pedido?"], replyTime: "En 2 horas" }),
    );
    expect(own).toEqual({ assistantName: "Ana", greeting: "Hola, soy Ana.", quickActions: ["¿Dónde está mi pedido?"], replyTime: "En 2 horas" });
  });

  it("accepts at most four suggested questions of 40 characters", () => {
    expect(widgetWordsSettingsSchema.safeParse({ quickActions: ["a", "b", "c", "d", "e"] }).success).toBe(false);
    expect(widgetWordsSettingsSchema.safeParse({ quickActions: ["x".repeat(41)] }).success).toBe(false);
  });

  it("writes the app-data metafield on the app installation, and reports a refusal without throwing", async () => {
    const calls: Array<{ query: string; variables?: Record<string, unknown> }> = [];
    const answer = (userErrors: unknown[]) => ({
      async graphql(query: string, options?: { variables?: Record<string, unknown> }) {
        calls.push({ query, variables: options?.variables });
        const body = query.includes("metafieldsSet")
          ? { data: { metafieldsSet: { metafields: [{ id: "gid://shopify/Metafield/1" }], userErrors } } }
          : { data: { currentAppInstallation: { id: "gid://shopify/AppInstallation/9" } } };
        return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
      },
    });
    const words = { assistantName: "Ana", greeting: null, quickActions: ["Tallas"], replyTime: null };
    expect(await publishWidgetWords(answer([]), "s.myshopify.com", words)).toBe(true);
    expect(calls[1]!.variables).toEqual({
      metafields: [{ ownerId: "gid://shopify/AppInstallation/9", ...WIDGET_METAFIELD, value: JSON.stringify(words) }],
    });
    expect(await publishWidgetWords(answer([{ field: ["value"], message: "too big" }]), "s.myshopify.com", words)).toBe(false);
    const down = { graphql: async () => Promise.reject(new Error("offline")) };
    expect(await publishWidgetWords(down, "s.myshopify.com", words)).toBe(false);
  });
});
