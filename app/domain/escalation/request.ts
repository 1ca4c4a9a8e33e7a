/**
 * What the shopper asks the team to do — the problem a case is about, as opposed to the mood or
 * the trigger that opened it (reasons). The chat core names it when it reads the message; the case
 * email puts it first in the subject and the reason, in the shop's language. Stored on the case
 * (`EscalationCase.request`); null on cases from before it existed, or when nothing was named.
 */
export const SHOPPER_REQUESTS = [
  "cancel_order",
  "change_address",
  "change_item",
  "return_item",
  "refund",
  "damaged_item",
  "wrong_item",
  "missing_parcel",
  "stalled_order",
  "order_problem",
  "billing",
  "account",
  "product_question",
  "complaint",
  "talk_to_person",
  "other",
] as const;

export type ShopperRequest = (typeof SHOPPER_REQUESTS)[number];

const CODES = new Set<string>(SHOPPER_REQUESTS);

/** A stored or model-supplied value read back safely (unknown codes read as null). */
export function readShopperRequest(value: unknown): ShopperRequest | null {
  return typeof value === "string" && CODES.has(value) ? (value as ShopperRequest) : null;
}
