import type { OrderStatus } from "../../orders";

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

/** Formatting helpers a catalog uses (dates and money in the shopper's conventions). */
export interface Format {
  day(iso: string): string;
  money(m: { amount: string; currencyCode: string }): string;
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
  orderStatus(s: OrderStatus, f: Format, promise: string | null): string;
  deliveredFollowUp: string;
  noOrdersForCustomer: string;
  olderOrders(others: OrderListEntry[], f: Format): string;
  statusWord(kind: OrderStatus["kind"]): string;

  // Store questions
  policy(title: string, excerpt: string, url: string | null): string;
  noPolicy(topic: "shipping" | "refund"): string;
  contact(c: ContactFacts, hours: string | null): string;
  contactLine(c: ContactFacts): string;
  productQuestion: string;
  changeRequest(kind: "address" | "cancel"): string;

  // Misses
  miss: string;
  missAgain: string;
  repeatPrefix: string;

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
  offerDeclined: string;
  modelFallbackOffer: string;
}
