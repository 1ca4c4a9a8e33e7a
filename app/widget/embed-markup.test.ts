import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { renderWidgetConfigHtml, renderWidgetEmbedHtml, WIDGET_SCRIPT, widgetStrings, type WidgetEmbedOptions } from "./embed-markup";
import { QUICK_ACTION_LABELS } from "../domain/conversation/reply-parts";
import { repliesFor } from "../domain/conversation/replies";
import { NOTICE_KEYS, STRING_KEYS } from "./types";

const EXT = join(__dirname, "../../extensions/baton-chat");
const LIQUID = readFileSync(join(EXT, "blocks/baton-chat.liquid"), "utf8");
const locale = (file: string) => JSON.parse(readFileSync(join(EXT, "locales", file), "utf8"));

// A deliberately small model of Shopify Liquid: just the tags and filters the block uses.
// It renders the real block file, so markup drift between Liquid and embed-markup.ts fails here.
type Ctx = Record<string, unknown>;
function lookup(path: string, ctx: Ctx): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v == null ? undefined : (v as Ctx)[k]), ctx);
}
function translate(key: string, iso: string): string {
  const files = [`${iso}.json`, `${iso.split("-")[0]}.json`, "en.default.json"].filter((f) => {
    try {
      return statSync(join(EXT, "locales", f)).isFile();
    } catch {
      return false;
    }
  });
  for (const f of files) {
    const v = lookup(key, locale(f));
    if (typeof v === "string") return v;
  }
  return `translation missing: ${key}`;
}
/** A filter's arguments: quoted or number literals, or variables looked up like outputs. */
function args(s: string, ctx: Ctx): string[] {
  return [...s.matchAll(/'([^']*)'|(\d+)|([\w.]+)/g)].map((m) => m[1] ?? m[2] ?? String(lookup(m[3]!, ctx) ?? ""));
}
function output(expr: string, ctx: Ctx, assetBase: string): string {
  const [head, ...filters] = expr.split("|").map((s) => s.trim());
  let v: unknown = /^'.*'$/.test(head) ? head.slice(1, -1) : lookup(head, ctx);
  for (const f of filters) {
    const [name, rest = ""] = f.split(/:(.*)/s).map((s) => s.trim());
    const a = args(rest, ctx);
    if (name === "json") v = JSON.stringify(v ?? null);
    else if (name === "append") v = String(v ?? "") + a[0];
    else if (name === "prepend") v = a[0] + String(v ?? "");
    else if (name === "at_most") v = Math.min(Number(v), Number(a[0]));
    else if (name === "default") v = v == null || v === "" ? a[0] : v;
    else if (name === "t") v = translate(String(v), String(lookup("request.locale.iso_code", ctx)));
    else if (name === "strip_newlines") v = String(v).replace(/\r?\n/g, "");
    else if (name === "replace") v = String(v).split(a[0]).join(a[1]);
    else if (name === "asset_url") v = `${assetBase}/${v}`;
    else throw new Error(`filter not modelled: ${name}`);
  }
  return v == null ? "" : String(v);
}
function renderLiquid(src: string, ctx: Ctx, assetBase: string): string {
  let s = src
    .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, "")
    .replace(/\{%\s*schema\s*%\}[\s\S]*?\{%\s*endschema\s*%\}/g, "")
    .replace(/\s*\{%-/g, "{%")
    .replace(/-%\}\s*/g, "%}")
    .replace(/\s*\{\{-/g, "{{")
    .replace(/-\}\}\s*/g, "}}");
  const vars: Ctx = {};
  s = runTags(
    s,
    (e) => output(e, { ...ctx, ...vars }, assetBase),
    (name) => lookup(name, { ...ctx, ...vars }),
    vars,
  );
  if (/\{%/.test(s)) throw new Error("tag not modelled: " + /\{%.*?%\}/.exec(s)?.[0]);
  return s.replace(/\{\{\s*(.+?)\s*\}\}/g, (_, e) => output(e, { ...ctx, ...vars }, assetBase)).trim();
}
/**
 * The block's tags in order: `if` (a variable, or `!= blank`) / `else` / `endif`, `assign`, and
 * `capture` (its outputs rendered); later tags see earlier assigns, as in Liquid.
 */
function runTags(src: string, render: (e: string) => string, value: (name: string) => unknown, vars: Ctx): string {
  const parts = src.split(/(\{%[\s\S]*?%\})/);
  const open: boolean[] = [];
  const on = () => open.every(Boolean);
  let out = "";
  let capture: { name: string; body: string } | null = null;
  for (const part of parts) {
    const tag = /^\{%\s*([\s\S]*?)\s*%\}$/.exec(part)?.[1];
    if (tag === undefined) {
      if (capture) capture.body += part;
      else if (on()) out += part;
      continue;
    }
    const cond = /^if ([\w.]+)(\s*!=\s*blank)?$/.exec(tag);
    if (cond) open.push(on() && isPresent(value(cond[1]!)));
    else if (tag === "else") open.push(!open.pop());
    else if (tag === "endif") open.pop();
    else if (!on()) continue;
    else if (/^assign /.test(tag)) {
      const [, name, e] = /^assign (\w+) = (.+)$/.exec(tag)!;
      vars[name!] = render(e!);
    } else if (/^capture /.test(tag)) capture = { name: tag.slice(8).trim(), body: "" };
    else if (tag === "endcapture" && capture) {
      vars[capture.name] = capture.body.replace(/\{\{\s*(.+?)\s*\}\}/g, (_m, e: string) => render(e));
      capture = null;
    } else out += part;
  }
  return out;
}

function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false && v !== "";
}

function liquidContext(o: WidgetEmbedOptions): Ctx {
  const blank = (v: string) => (v === "" ? undefined : v);
  return {
    shop: { permanent_domain: o.shop, name: o.shopName, privacy_policy: o.privacyUrl ? { url: o.privacyUrl } : undefined },
    request: { locale: { iso_code: o.locale } },
    customer: o.customer ? { id: Number(o.customer.id), email: o.customer.email } : undefined,
    // An app-data metafield of type json: `.value` is the parsed object (absent before the admin's first save).
    app: { metafields: { baton: { widget: o.words ? { value: o.words } : undefined } } },
    block: {
      settings: {
        accent: o.settings.accent,
        position: o.settings.position,
        launcher_label: blank(o.settings.launcherLabel),
        notice: blank(o.settings.notice ?? ""),
        remember_days: o.settings.rememberDays,
        // A checkbox setting is always a boolean in Liquid (its default when never saved).
        ai_provider: o.settings.aiProvider ?? false,
        proxy_path: blank(o.proxyPath),
      },
    },
  };
}

function schemaOf(liquid: string) {
  return JSON.parse(/\{%\s*schema\s*%\}([\s\S]*?)\{%\s*endschema\s*%\}/.exec(liquid)![1]);
}

const base: WidgetEmbedOptions = {
  assetBase: "/extensions/baton-chat/assets",
  proxyPath: "/apps/baton",
  shop: "demo-shop.myshopify.com",
  locale: "en",
  shopName: "Demo Shop",
  settings: { accent: "#1f5fad", position: "right", launcherLabel: "", notice: "", rememberDays: 7 },
};
const hostile = `</script><script>alert("x")</script> & 'quotes' <!--`;

describe("renderWidgetEmbedHtml", () => {
  it.each<[string, WidgetEmbedOptions]>([
    ["defaults, logged out", base],
    [
      "French, logged in, hostile settings",
      {
        ...base,
        locale: "fr",
        customer: { id: 7001, email: "sarah@example.com" },
        shopName: hostile,
        settings: { accent: "#ffcc00", position: "left", launcherLabel: "Aide\nici", notice: hostile, rememberDays: 0, aiProvider: true },
        words: { assistantName: hostile, greeting: hostile, quickActions: [hostile, "Où est mon colis ?"], replyTime: hostile },
      },
    ],
    ["custom proxy path, privacy policy", { ...base, proxyPath: "/tools/help-desk", privacyUrl: "https://demo-shop.myshopify.com/policies/privacy-policy" }],
    ["emptied proxy path falls back to the default", { ...base, proxyPath: "" }],
    ["regional locale falls back to its language", { ...base, locale: "de-DE" }],
    ["admin words with defaults left null", { ...base, words: { assistantName: "Baton", greeting: null, quickActions: null, replyTime: null } }],
    ["unknown locale falls back to en.default", { ...base, locale: "pt-BR" }],
  ])("matches the Liquid block: %s", (_name, o) => {
    expect(renderWidgetConfigHtml(o)).toBe(renderLiquid(LIQUID, liquidContext(o), o.assetBase));
  });

  it("adds the launcher the way Shopify loads the schema's javascript asset: deferred, after the config", () => {
    expect(schemaOf(LIQUID).javascript).toBe(WIDGET_SCRIPT);
    expect(renderWidgetEmbedHtml(base)).toBe(`${renderWidgetConfigHtml(base)}\n<script src="/extensions/baton-chat/assets/baton-chat.js" defer></script>`);
    // No script tag of our own in the block: Shopify injects the asset (app doctor rejects a Liquid `src`).
    expect(LIQUID.replace(/\{%\s*schema[\s\S]*$/, "")).not.toMatch(/<script[^>]*\ssrc=/);
  });

  it("cannot be broken out of, and round-trips through parseConfig", () => {
    const words = { assistantName: null, greeting: hostile, quickActions: null, replyTime: null };
    const html = renderWidgetEmbedHtml({ ...base, words, customer: { id: "1", email: "a<b@x.com" } });
    const [, json] = new RegExp(
      String.raw`^<script type="application\/json" id="baton-chat-config">(.*)<\/script>\n` +
        String.raw`<script src="\/extensions\/baton-chat\/assets\/baton-chat.js" defer><\/script>$`,
      "s",
    ).exec(html)!;
    expect(json).not.toContain("<");
    const cfg = parseConfig(json)!;
    expect(cfg.greeting).toBe(hostile);
    expect(cfg.proxy).toBe("/apps/baton");
    expect(cfg.customer).toEqual({ id: "1", email: "a<b@x.com" });
    expect(cfg.assistantName).toBe("Support assistant");
    expect(cfg.launcherLabel).toBe("Chat with us");
    expect(cfg.quickActions).toEqual(["Track my order", "Returns and refunds", "Shipping times"]);
    expect([cfg.shopName, cfg.replyTime, cfg.notice, cfg.privacyUrl, cfg.rememberDays]).toEqual([
      "Demo Shop",
      "Our team usually replies within a day",
      "An AI assistant answers here, and our team may read this conversation. This device remembers the chat for 7 days.",
      null,
      7,
    ]);
  });

  it.each([
    ["/policies/privacy-policy", "/policies/privacy-policy"],
    ["https://shop.example/privacy", "https://shop.example/privacy"],
    ["//evil.example/x", null],
    ["javascript:alert(1)", null],
  ])("links the privacy policy only on this site or over http(s): %s", (url, expected) => {
    const json = /id="baton-chat-config">(.*)<\/script>/.exec(renderWidgetConfigHtml({ ...base, privacyUrl: url }))![1];
    expect(parseConfig(json)!.privacyUrl).toBe(expected);
  });

  it.each([
    [0, 0],
    [30, 30],
    [9999, 365],
    [-1, 7],
    ["7", 7],
    [null, 7],
  ])("remember days %j → %j", (days, expected) => {
    const json = JSON.stringify({ strings: { reply_time: "r", notice: "n" }, rememberDays: days });
    expect(parseConfig(json)!.rememberDays).toBe(expected);
  });

  it.each(["en", "es", "fr", "de"] as const)("%s: the empty state's quick replies use the server's quick-action words", (lang) => {
    const t = widgetStrings(lang);
    const server = QUICK_ACTION_LABELS[lang];
    expect([t.qa_track, t.qa_returns, t.qa_shipping, t.talk]).toEqual([server.track, server.returns, server.shipping, server.talk]);
  });

  it.each(["en", "es", "fr", "de"] as const)("%s: the widget's default greeting is the chat's own, so a shopper's hello is not met by another", (lang) => {
    expect(widgetStrings(lang).greeting).toBe(repliesFor(lang).welcomeGreeting);
  });

  it("the admin's words win over the translated defaults; blank ones fall back one by one", () => {
    const cfg = (words: unknown) => parseConfig(JSON.stringify({ strings: widgetStrings("fr"), words }))!;
    const set = cfg({ assistantName: "Léa", greeting: "Salut !", quickActions: ["Suivre", " ", "Tailles", "a", "b", "c"], replyTime: "Sous 2 h" });
    expect([set.assistantName, set.greeting, set.replyTime]).toEqual(["Léa", "Salut !", "Sous 2 h"]);
    expect(set.quickActions).toEqual(["Suivre", "Tailles", "a", "b"]);
    const none = cfg(null);
    expect([none.assistantName, none.greeting, none.replyTime]).toEqual([
      widgetStrings("fr").assistant,
      widgetStrings("fr").greeting,
      widgetStrings("fr").reply_time,
    ]);
    expect(cfg({ quickActions: "nope" }).quickActions).toEqual([widgetStrings("fr").qa_track, widgetStrings("fr").qa_returns, widgetStrings("fr").qa_shipping]);
  });

  it("escapes the asset base in the attribute", () => {
    expect(renderWidgetEmbedHtml({ ...base, assetBase: `/a"b/` })).toContain(`<script src="/a&quot;b/baton-chat.js" defer>`);
  });

  it("picks strings per locale", () => {
    expect(widgetStrings("fr").talk).toBe("Parler à une personne");
    expect(widgetStrings("ES").send).toBe("Enviar");
    expect(widgetStrings("ja").talk).toBe("Talk to a person");
  });
});

describe("the data notice", () => {
  const notice = (o: Partial<WidgetEmbedOptions["settings"]>, loc = "en") => {
    const opts = { ...base, locale: loc, settings: { ...base.settings, ...o } };
    const html = renderWidgetConfigHtml(opts);
    expect(html).toBe(renderLiquid(LIQUID, liquidContext(opts), opts.assetBase));
    return parseConfig(/id="baton-chat-config">(.*)<\/script>/.exec(html)![1])!.notice;
  };

  it("names the outside AI provider only when the merchant says one is configured", () => {
    expect(notice({ aiProvider: true })).toBe(
      "An AI assistant answers here, and our team may read this conversation. Messages are processed by an outside AI provider. " +
        "This device remembers the chat for 7 days.",
    );
    expect(notice({ aiProvider: false })).not.toContain("provider");
  });

  it.each([
    [0, "The chat is forgotten when you close this tab."],
    [1, "This device remembers the chat for 1 day."],
    [2, "This device remembers the chat for 2 days."],
    [30, "This device remembers the chat for 30 days."],
  ])("says how long the device remembers: %i days", (days, end) => {
    expect(notice({ rememberDays: days }).endsWith(" " + end)).toBe(true);
  });

  it("keeps both facts after a merchant's own text, in the shopper's language", () => {
    expect(notice({ notice: "Wir lesen mit.", aiProvider: true, rememberDays: 3 }, "de")).toBe(
      "Wir lesen mit. Nachrichten werden von einem externen KI-Anbieter verarbeitet. Dieses Gerät speichert den Chat 3 Tage lang.",
    );
    expect(notice({ aiProvider: true, rememberDays: 1 }, "es-MX")).toBe(
      "Te responde un asistente de IA y nuestro equipo puede leer esta conversación. Un proveedor externo de IA procesa los mensajes. " +
        "Este dispositivo recuerda el chat durante 1 día.",
    );
  });
});

describe("extension files", () => {
  const files = readdirSync(join(EXT, "locales"));
  const storefront = files.filter((f) => !f.includes(".schema."));
  const schema = schemaOf(LIQUID);

  it("has the four languages, each file under Shopify's 15 KB limit", () => {
    expect(storefront.sort()).toEqual(["de.json", "en.default.json", "es.json", "fr.json"]);
    expect(files.filter((f) => f.includes(".schema.")).sort()).toEqual(["de.schema.json", "en.default.schema.json", "es.schema.json", "fr.schema.json"]);
    for (const f of files) expect(statSync(join(EXT, "locales", f)).size).toBeLessThan(15 * 1024);
  });

  it.each(["de.json", "en.default.json", "es.json", "fr.json"])("%s has every widget string, placeholders intact, no HTML-special characters", (f) => {
    const chat = locale(f).chat as Record<string, string>;
    expect(Object.keys(chat).sort()).toEqual([...STRING_KEYS, ...NOTICE_KEYS].sort());
    for (const [k, v] of Object.entries(chat)) {
      expect(v.trim(), `${f} ${k}`).not.toBe("");
      // `t` may HTML-escape its output; without these characters escaped and unescaped are identical.
      expect(v, `${f} ${k}`).not.toMatch(/[&<>"']/);
    }
    expect(chat.escalated).toContain("{email}");
    expect(chat.error_rate).toContain("{s}");
    expect(chat.notice_memory_2).toContain("{n}");
  });

  it("passes every string to the script through `t`", () => {
    const used = [...LIQUID.matchAll(/"(\w+)":\{\{ 'chat\.(\w+)' \| t \| json -\}\}/g)];
    expect(used.map((m) => m[1])).toEqual([...STRING_KEYS]);
    for (const m of used) expect(m[2]).toBe(m[1]);
  });

  it("is an app embed on body whose settings are all used and labelled in every language", () => {
    expect(schema.target).toBe("body");
    expect(schema.name.length).toBeLessThan(25);
    const ids = schema.settings.filter((s: { id?: string }) => s.id).map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual(["accent", "ai_provider", "launcher_label", "notice", "position", "proxy_path", "remember_days"]);
    for (const id of ids) expect(LIQUID).toContain(`block.settings.${id}`);
    const refs = [...JSON.stringify(schema).matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]);
    for (const f of files.filter((x) => x.includes(".schema."))) {
      const table = locale(f);
      for (const r of refs) expect(typeof lookup(r, table), `${f} ${r}`).toBe("string");
    }
    expect(readFileSync(join(EXT, "shopify.extension.toml"), "utf8")).toMatch(/name = "Baton chat"\s+type = "theme"/);
  });

  it("ships only allowed asset types", () => {
    for (const f of readdirSync(join(EXT, "assets"))) expect(f).toMatch(/\.(js|css|json|svg|png)$/);
  });
});
