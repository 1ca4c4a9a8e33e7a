// The shape of a strong complaint rule, shared by the rule tables beside this file.

/** What kind of breach the shopper describes; used for the reason text and the topic. */
export type ComplaintKind =
  "non_delivery" | "wrong_item" | "damaged" | "missing_item" | "quality" | "delay" | "cancelled" | "charged" | "formal" | "service" | "general";

/** One strong complaint pattern and the score it gives alone. */
export interface Rule {
  kind: ComplaintKind;
  score: number;
  pattern: RegExp;
  /** require a shop object in the message (or no banking/account object) */
  needsShopContext?: boolean;
}

/** A negation before a verb ("never arrived", "still not received"). */
export const NOT = "(?:not|never|still not|yet to|no longer)";
