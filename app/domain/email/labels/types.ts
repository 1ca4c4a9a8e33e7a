import type { Priority, ReasonCode } from "../../escalation";
import type { CaseProblem } from "../case-problem";

/** Every word of the team's email in one language (the transcript is never translated). */
export interface EmailLabels {
  /** The HTML part's `lang`. */
  htmlLang: string;
  /** A label's colon as the language sets it (French: a no-break space before it). */
  colon: string;
  /** The problem in a subject's few words ("Cancel order"). */
  problems: Record<CaseProblem, string>;
  /** The reason line: what the shopper asks, with the order's name when one is involved. */
  requests: Record<CaseProblem, (orderName: string | null) => string>;
  /** After an order name in the subject when its owner was not proven: "#1042 (mentioned)". */
  mentioned: string;
  ownershipProven: string;
  ownershipNotProven: string;
  reasonLabels: Record<ReasonCode, string>;
  priorityNames: Record<Priority, string>;
  /** "HIGH PRIORITY" badge. */
  priorityBadge: (priority: string) => string;
  escalation: string;
  /** Text part: "REQUEST: …". */
  requestHeading: string;
  priority: string;
  confidence: string;
  /** Secondary detail: the triggers and mood behind the case. */
  alsoNoted: string;
  /** The detector's or assistant's own note (English source text, shown only in English). */
  details: string;
  customerEmail: string;
  replyHint: string;
  summary: string;
  orderDetails: string;
  customerSection: string;
  transcript: string;
  shopperWrote: string;
  assistantWrote: string;
  shopper: string;
  assistant: string;
  timeUnknown: string;
  noMessages: string;
  noOrder: string;
  mentionedNotProven: (orderName: string) => string;
  order: string;
  status: string;
  payment: string;
  fulfillment: string;
  cancelled: string;
  shipment: string;
  carrier: string;
  tracking: string;
  trackShipment: string;
  expected: (day: string) => string;
  items: string;
  total: string;
  dates: string;
  ordered: string;
  shipped: string;
  delivered: string;
  name: string;
  orders: string;
  totalSpent: string;
  tags: string;
  vip: string;
  openOrderInShopify: string;
  openCustomerInShopify: string;
  sentBy: (shopName: string, domain: string) => string;
  viewCase: string;
  /** Follow-up: "sarah@example.com wrote 2 new messages on this case." */
  followUpIntro: (who: string | null, count: number) => string;
  caseReminder: string;
  newMessages: string;
  noOrderShort: string;
  /** "High priority" in a follow-up's reminder. */
  priorityPhrase: (name: string) => string;
  /** Shopify's order and shipment statuses in words; unknown values are title-cased. */
  financial: Record<string, string>;
  fulfillmentStatus: Record<string, string>;
  shipmentStatus: Record<string, string>;
  unknown: string;
}
