// Renders structured reply parts (app/domain/conversation/reply-parts.ts) as plain DOM: an order
// card, product cards (several as a short list) and quick-reply buttons. All text goes in as text nodes. A part of an unknown type, or one
// that does not have the documented shape, is skipped: the message's text already says everything.
import type { OrderCardPart, ProductCardPart, QuickAction, ReplyPart } from "../domain/conversation/reply-parts";
import { fmt } from "./text";
import type { PanelContext, Strings } from "./types";

export interface PartsContext {
  h: PanelContext["h"];
  t: Strings;
  locale: string;
  /** sends a quick action as the shopper's next message or action */
  act(a: QuickAction): void;
}

function orderCard(o: OrderCardPart["order"], { h, t, locale }: PartsContext): HTMLElement {
  // Intl throws on a locale tag or currency it does not know: renderParts then skips the card.
  const day = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(locale, { month: "short", day: "numeric", timeZone: "UTC" }) : "");
  const title = fmt(t.order, { name: o.name });
  const last = o.steps.map((s) => s.done).lastIndexOf(true);
  const tr = o.tracking;
  const card = h(
    "div",
    { class: "oc", role: "group", "aria-label": title },
    h("div", { class: "oh" }, h("b", {}, title), h("span", { class: "st " + o.status }, o.statusLabel)),
    // The progress line ordered → shipped → delivered; the latest step reached is the current one.
    ...(o.steps.length
      ? [
          h(
            "ol",
            { class: "pg" },
            ...o.steps.map((s, i) =>
              h("li", s.done ? (i === last ? { class: "d", "aria-current": "step" } : { class: "d" }) : {}, s.label, h("small", {}, day(s.at))),
            ),
          ),
        ]
      : []),
    // A partly shipped order says which items left: `shipped` (how many of the line shipped) when the server sends it.
    h(
      "ul",
      { class: "it" },
      ...o.items.map((i) => {
        const shipped = (i as { shipped?: unknown }).shipped;
        const tag =
          typeof shipped === "number"
            ? h("small", { class: shipped >= i.quantity ? "is" : "iw" }, shipped >= i.quantity ? t.item_shipped : t.item_waiting)
            : "";
        return h("li", {}, `${i.quantity} × ${i.title} `, tag);
      }),
    ),
  );
  const facts = [
    o.total && fmt(t.total, { amount: new Intl.NumberFormat(locale, { style: "currency", currency: o.total.currencyCode }).format(+o.total.amount) }),
    o.estimatedDeliveryAt && fmt(t.eta, { date: day(o.estimatedDeliveryAt) }),
    tr && [tr.company, tr.number].filter(Boolean).join(" · "),
  ];
  for (const f of facts) if (f) card.append(h("p", {}, f));
  // Only http(s): a tracking URL comes from the shop's data, never a script or data: link.
  if (/^https?:\/\//i.test(tr?.url || "")) card.append(h("a", { class: "tk", href: tr!.url!, target: "_blank", rel: "noopener noreferrer" }, t.track));
  return card;
}

const http = (url?: string) => /^https?:\/\//i.test(url || "");

/** A product: image, title (the link to its page), price, availability and, when asked, each choice's. */
function productCard(p: ProductCardPart["product"], { h, locale }: PartsContext): HTMLElement {
  // Intl throws on a currency it does not know: renderParts then skips the rest, the text stands.
  const money = (m: { amount: string; currencyCode: string }) =>
    new Intl.NumberFormat(locale, { style: "currency", currency: m.currencyCode }).format(+m.amount);
  const title = http(p.url) ? h("a", { href: p.url!, target: "_blank", rel: "noopener noreferrer" }, p.title) : h("b", {}, p.title);
  return h(
    "div",
    { class: "pc", role: "group", "aria-label": p.title },
    ...(p.image && /^https:\/\//i.test(p.image.url) ? [h("img", { src: p.image.url, alt: p.image.alt, loading: "lazy", width: "56", height: "56" })] : []),
    h(
      "div",
      {},
      title,
      h("p", {}, money(p.price) + (p.maxPrice ? ` – ${money(p.maxPrice)}` : "")),
      h("p", { class: p.available ? "ok" : "so" }, p.availabilityLabel),
      ...(p.variants ? [h("ul", {}, ...p.variants.map((v) => h("li", v.available ? {} : { class: "so" }, `${v.title} · ${v.label}`)))] : []),
    ),
  );
}

/** Quick replies; the group removes itself when one is pressed (the panel also drops it on the next message). */
export function quickActions(actions: QuickAction[], c: PartsContext): HTMLElement {
  const { h } = c;
  const group = h("div", { class: "qa" });
  for (const a of actions) {
    const b = h("button", { type: "button" }, a.label);
    b.onclick = () => {
      group.remove();
      c.act(a);
    };
    group.append(b);
  }
  return group;
}

/** Elements for a message's parts. Quick actions only when `live` (the newest message of an open chat). */
export function renderParts(parts: ReplyPart[] | undefined, c: PartsContext, live: boolean): HTMLElement[] {
  const out: HTMLElement[] = [];
  try {
    const products = (parts || []).filter((p): p is ProductCardPart => p.type === "product");
    // One product is a card; several are a short list of cards.
    if (products.length === 1) out.push(productCard(products[0]!.product, c));
    else if (products.length) out.push(c.h("ul", { class: "pl" }, ...products.map((p) => c.h("li", {}, productCard(p.product, c)))));
    for (const p of parts || []) {
      if (p.type === "order") out.push(orderCard(p.order, c));
      else if (p.type === "actions" && live)
        out.push(
          quickActions(
            p.actions.filter((a) => a.label && (a.message || a.action === "talk_to_human")),
            c,
          ),
        );
    }
  } catch {
    /* malformed parts (not the documented shape): the rest are skipped, the text stands */
  }
  return out;
}
