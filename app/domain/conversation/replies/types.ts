import type { ShopperRequest } from "../../escalation";
import type { OrderStatus } from "../../orders";
import type { Language } from "../language";

/** How to reach the store without Baton (the never-a-dead-end line). */
export interface ContactFacts {
  shopName: string;
  email: string | null;
  phone: string | null;
  url: string | null;
}

/** A recent order of a signed-in customer, as listed when they ask without a number. */
export interface OrderListEntry {
  name: string;
  status: OrderStatus["kind"];
  placedAt: string;
}

/** Formatting helpers a catalog uses (dates, money and lists in the shopper's conventions). */
export interface Format {
  day(iso: string): string;
  money(m: { amount: string; currencyCode: string }): string;
  /** "Oat, Sage and Charcoal" */
  list(items: string[]): string;
}

/** A variant's availability as the data gives it (app/domain/conversation/product-answer.ts). */
export type VariantStock = { kind: "sold_out" } | { kind: "left"; count: number } | { kind: "in_stock" } | { kind: "available" };

/** A product in a short list: its title and (lowest) price, formatted. */
export interface ProductLine {
  title: string;
  price: string;
  /** Variants cost more: the price is a "from" price. */
  from: boolean;
}

/**
 * Every text the built-in engine says, for one language. Functions take the facts they quote;
 * the transition picks which to say. Kept as data so a language is one file to read and review.
 */
export interface ReplyCatalog {
  welcomeGreeting: string;
  thanks: string;
  anythingElse: string;
  notedEmail(email: string): string;
  incompleteEmail: string;

  // Orders
  askOrderNumber: string;
  askOrderEmail(order: string): string;
  orderNotMatched(order: string): string;
  orderNotMatchedAgain(order: string): string;
  orderLookupFailed: string;
  /** `brief`: the order card is shown beside it, so the text leaves out what the card shows (tracking number, link). */
  orderStatus(s: OrderStatus, f: Format, promise: string | null, brief?: boolean): string;
  deliveredFollowUp: string;
  noOrdersForCustomer: string;
  olderOrders(others: OrderListEntry[], f: Format): string;
  statusWord(kind: OrderStatus["kind"]): string;

  // Store questions
  policy(title: string, excerpt: string, url: string | null): string;
  noPolicy(topic: "shipping" | "refund"): string;
  contact(c: ContactFacts, hours: string | null): string;
  contactLine(c: ContactFacts): string;
  changeRequest(kind: "address" | "cancel"): string;

  // Products (the catalogue's facts only: never a stock, price or date the data does not give)
  productPrice(title: string, price: string): string;
  productVariantPrices(title: string, prices: Array<{ variant: string; price: string }>): string;
  variantAvailability(entries: Array<{ variant: string; stock: VariantStock }>): string;
  productStock(stock: VariantStock): string;
  stockWord(stock: VariantStock): string;
  /** The product comes in other colours than the one asked for. */
  notInColour(title: string, values: string): string;
  descriptionSays(quotes: string[]): string;
  descriptionSilent(aspect: "care" | "size" | "material"): string;
  productLink(url: string): string;
  productList(lines: ProductLine[], range: { gift: boolean; min: string | null; max: string | null }): string;
  closestProducts(lines: ProductLine[]): string;
  notCarried: string;
  catalogueUnavailable: string;

  // Misses
  miss: string;
  missAgain: string;

  // Reaching a person
  empathy: string;
  askEmail(shopName: string): string;
  askEmailAgain: string;
  invalidEmail: string;
  stillNeedEmail: string;
  declined(contactLine: string): string;
  cannotForward(contactLine: string): string;
  forwarded(email: string): string;
  alreadyWithTeam(email: string | null): string;
  addedToCase(email: string | null): string;
  offerPerson: string;
  /** A repeated answer (not an order's status) says it is repeating itself rather than reading like a loop. */
  repeatPrefix: string;
  /** "Talk to a person" pressed with nothing said: what is it about (and which order)? */
  askWhatAbout(orderName: string | null): string;
  /** The one line the team reads first, shown to the shopper before (or as) it is sent. */
  caseLine(request: ShopperRequest, orderName: string | null): string;
  /** The shopper is done: a polite end, nothing asked again. */
  goodbye: string;
  goodbyeWithTeam(email: string | null): string;
  /** "Am I talking to a bot?" — an honest answer. */
  botAnswer(shopName: string): string;
  /** An order past the shop's shipping time: sorry first. */
  sorryForDelay: string;
  /** The shop's policy text is not in the shopper's language. */
  policyInShopLanguage(language: Language): string;
  offerDeclined: string;
  modelFallbackOffer: string;
}
