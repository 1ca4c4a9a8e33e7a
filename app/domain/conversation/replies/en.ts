import type { ShopperRequest } from "../../escalation";
import type { Language } from "../language";
import type { ReplyCatalog } from "./types";

const REQUEST_LABELS: Record<ShopperRequest, string> = {
  cancel_order: "Cancel the order",
  change_address: "Change the shipping address",
  change_item: "Exchange an item (size or color)",
  return_item: "Return an item",
  refund: "Refund",
  damaged_item: "Item arrived damaged",
  wrong_item: "Wrong item received",
  missing_parcel: "Parcel not received",
  stalled_order: "Order not moving",
  order_problem: "Problem with an order",
  billing: "Billing problem",
  account: "Account problem",
  product_question: "Product question",
  complaint: "Complaint",
  talk_to_person: "Talk to a person",
  other: "Question for the team",
};

const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Spanish", fr: "French", de: "German" };

// With the order card beside the text (brief), the card shows the tracking number and link.
const where = (s: { carrier: string | null; trackingNumber: string | null; trackingUrl: string | null }, brief = false) =>
  `${s.carrier ? ` with ${s.carrier}` : ""}${s.trackingNumber && !brief ? `, tracking number ${s.trackingNumber}` : ""}` +
  `${s.trackingUrl && !brief ? ` (track it: ${s.trackingUrl})` : ""}`;

/** English (also the fallback for languages we do not ship). */
export const en: ReplyCatalog = {
  welcomeGreeting: "Hi! I can check your order status, answer questions about shipping and returns, or connect you with our team.",
  thanks: "You're welcome! Is there anything else I can help with?",
  anythingElse: "Is there anything else I can help with?",
  notedEmail: (email) => `Thanks — I've noted ${email}. What can I help you with? I can check an order's status if you tell me the order number.`,
  incompleteEmail: "That email address looks incomplete. Could you check it (for example name@example.com)?",

  askOrderNumber: "I can check that for you. What's your order number? You'll find it in your order confirmation email (for example #1042).",
  askOrderEmail: (order) => `I can check order ${order} for you. To protect your privacy, what's the email address used on the order?`,
  orderNotMatched: (order) =>
    `I couldn't match order ${order} with that email address. Could you check the order number and use the email ` +
    `you used at checkout? (Orders older than 60 days may not show up here — our team can check those.)`,
  orderNotMatchedAgain: (order) =>
    `That still doesn't match order ${order}. If you're not sure which email was used, I can connect you with our team — just tap “Talk to a person”.`,
  orderLookupFailed: "I can't look up orders right now. Please try again in a moment, or tap “Talk to a person” and our team will check it for you.",
  orderStatus: (s, f, promise, brief = false) => {
    switch (s.kind) {
      case "unfulfilled":
        return (
          `Order ${s.name} was placed on ${f.day(s.placedAt)} ` +
          `(${s.daysSincePlaced === 1 ? "1 day" : `${s.daysSincePlaced} days`} ago) and hasn't shipped ` +
          `yet.${promise ? ` Our shipping policy says: “${promise}”` : ""}`
        );
      case "partially_fulfilled":
        return (
          `Part of order ${s.name} has shipped: it left on ` +
          `${f.day(s.shippedAt!)}${where(s, brief)}${s.deliveredAt ? ` and was delivered on ${f.day(s.deliveredAt)}` : ""}. The ` +
          `rest of the order hasn't shipped yet.`
        );
      case "in_transit":
        return (
          `Order ${s.name} is on its way: it shipped on ` +
          `${f.day(s.shippedAt!)}${where(s, brief)}.${s.estimatedDeliveryAt ? ` Expected delivery: ${f.day(s.estimatedDeliveryAt)}.` : ""}`
        );
      case "delivered":
        if (brief) return `Order ${s.name} was delivered on ${f.day(s.deliveredAt!)}.`;
        return `Order ${s.name} was delivered on ${f.day(s.deliveredAt!)}. It shipped on ${f.day(s.shippedAt!)}${where(s)}.`;
      case "refunded":
        return `Order ${s.name} was refunded${s.refunded ? ` (${f.money(s.refunded)})` : ""}.${promise ? ` Our refund policy says: “${promise}”` : ""}`;
      case "cancelled": {
        const refund =
          s.refund === "full"
            ? ` and refunded${s.refunded ? ` (${f.money(s.refunded)})` : ""}.`
            : s.refund === "partial"
              ? " and partly refunded."
              : ". The payment hasn't been refunded yet.";
        return `Order ${s.name} was cancelled on ${f.day(s.cancelledAt!)}${refund}${promise ? ` Our refund policy says: “${promise}”` : ""}`;
      }
    }
  },
  deliveredFollowUp: "If it hasn't reached you, tell me and I'll pass it to our team.",
  noOrdersForCustomer:
    "I can't see any recent orders on your account (orders older than 60 days may not show up here). If you " +
    "ordered as a guest, tell me the order number and I'll check it.",
  olderOrders: (others, f) =>
    `Your other recent orders: ` +
    `${others.map((o) => `${o.name} (${en.statusWord(o.status)}, ${f.day(o.placedAt)})`).join(", ")}. Tell me if ` +
    `you mean one of those.`,
  statusWord: (k) =>
    ({
      unfulfilled: "not shipped yet",
      partially_fulfilled: "partly shipped",
      in_transit: "on its way",
      delivered: "delivered",
      cancelled: "cancelled",
      refunded: "refunded",
    })[k],

  policy: (title, excerpt, url) => `Here's our ${title.toLowerCase()}: ${excerpt}${url ? ` Full policy: ${url}` : ""}`,
  noPolicy: (topic) => `I don't have the store's ${topic === "refund" ? "returns and refund" : "shipping"} policy at hand.`,
  contact: (c, hours) =>
    `${en.contactLine(c).replace(/\.$/, hours ? ` ${hours}.` : ".")} You can also tap “Talk to a person” and I'll pass your question to our team.`,
  contactLine: (c) => {
    const ways = [c.email, c.phone].filter(Boolean);
    if (ways.length > 0) return `You can reach ${c.shopName} at ${ways.join(" or ")}.`;
    if (c.url) return `You can reach ${c.shopName} through ${c.url}.`;
    return `You can reach ${c.shopName} through the contact page of this store.`;
  },
  productPrice: (title, price) => `${title}: ${price}.`,
  productVariantPrices: (title, prices) => `${title}: ${prices.map((p) => `${p.variant ? `${p.variant} ` : ""}${p.price}`).join(", ")}.`,
  variantAvailability: (entries) => `Availability: ${entries.map((e) => `${e.variant}: ${en.stockWord(e.stock)}`).join(", ")}.`,
  productStock: (stock) => `It's ${en.stockWord(stock)}.`,
  stockWord: (s) => ({ sold_out: "sold out", left: `${s.kind === "left" ? s.count : 0} left`, in_stock: "in stock", available: "available" })[s.kind],
  notInColour: (title, values) => `The ${title} comes in ${values} only.`,
  descriptionSays: (quotes) => `The product description says: “${quotes.join(" ")}”`,
  descriptionSilent: (aspect) =>
    `The product description doesn't say anything about ${{ care: "how to care for it", size: "its size", material: "what it's made of" }[aspect]}.`,
  productLink: (url) => `Product page: ${url}`,
  productList: (lines, r) => {
    const range = r.min && r.max ? ` between ${r.min} and ${r.max}` : r.max ? ` up to ${r.max}` : r.min ? ` from ${r.min}` : "";
    const items = lines.map((l) => `${l.title} (${l.from ? "from " : ""}${l.price})`).join(", ");
    return r.gift ? `Some gift ideas${range}: ${items}.` : `Here's what we have${range}: ${items}.`;
  },
  closestProducts: (lines) => `The closest we have: ${lines.map((l) => `${l.title} (${l.from ? "from " : ""}${l.price})`).join(", ")}.`,
  notCarried: "I couldn't find that in our catalogue — we don't seem to carry it.",
  catalogueUnavailable: "I can't look at our products right now. Please try again in a moment, or tap “Talk to a person” and our team will help.",
  changeRequest: (kind) =>
    `I can't ${kind === "address" ? "change the shipping address of an order" : "cancel an order"} myself, but ` +
    `our team can if it hasn't shipped yet. Would you like me to connect you with them?`,

  miss:
    "I'm not sure I understood. I can check an order's status (send me the order number), answer questions about " +
    "shipping, returns and refunds, or tell you how to reach our team.",
  missAgain: "Sorry, I can't help with that one myself. Would you like me to connect you with a person on our team?",

  empathy: "I'm sorry about this.",
  askEmail: (shop) => `I'll connect you with our support team at ${shop}. What's the best email address for them to reply to?`,
  askEmailAgain: "To pass your case to our team I need an email address they can reply to. What's the best one? (Or say “no thanks”.)",
  invalidEmail:
    "That doesn't look like a valid email address. Could you check it? It should look like name@example.com. (Or say “no thanks” if you'd rather not.)",
  stillNeedEmail: "When you're ready, share your email address and I'll pass your case to our team (or say “no thanks”).",
  declined: (contact) => `No problem — I won't pass anything on. ${contact}`,
  cannotForward: (contact) => `I'd like to connect you with our team, but I can't forward your case from this chat right now. ${contact}`,
  forwarded: (email) =>
    `I've forwarded your case to our support team with this conversation, so you won't need to repeat anything. ` +
    `They'll reach you at ${email}. You can add anything else here and I'll pass it on.`,
  alreadyWithTeam: (email) => `Your case is already with our support team — they'll reply to ${email ?? "your email"}. Anything you add here goes to them too.`,
  addedToCase: (email) => `Thanks — I've added that to your case. Our team will reply to ${email ?? "your email"}.`,
  repeatPrefix: "Here it is again:",
  askWhatAbout: (order) =>
    `Sure. So our team can help without asking again: what is it about? One sentence is enough` +
    `${order ? ` (is it about order ${order}?)` : " (and the order number, if it's about an order)"}.`,
  caseLine: (request, order) => `Summary for our team: “${REQUEST_LABELS[request]}${order ? `, order ${order}` : ""}”.`,
  goodbye: "Glad I could help. Have a great day!",
  goodbyeWithTeam: (email) => `You're welcome! Our team has your case and will reply to ${email ?? "your email"}.`,
  botAnswer: (shop) =>
    `I'm the automated assistant for ${shop}, not a person. I can check orders and answer questions about the store, ` +
    `and I can pass you to a person on our team whenever you like.`,
  sorryForDelay: "I'm sorry your order is taking longer than it should.",
  policyInShopLanguage: (lang) => `(The store's policy is written in ${LANGUAGE_NAMES[lang]}.)`,
  offerPerson: "Would you like me to connect you with a person on our team?",
  offerDeclined: "No problem. Is there anything else I can help with?",
  modelFallbackOffer: "If you'd like, I can connect you with a person on our team — just tap “Talk to a person”.",
};
