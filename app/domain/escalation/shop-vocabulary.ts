// Shared word groups. Several signals need to know whether a message is about a shop order
// (complaints, order state) or about a bank card, bill or password (routine in intent data and
// not a shop complaint), so the groups live in one place.
import { gather, oneOf } from "./lexicon";

/** Things a shopper receives from a shop, in every language (lexicon/<lang>.ts `shopObjects`). */
export const SHOP_OBJECT = oneOf(...gather((l) => l.shopObjects));

/** Matches a message that mentions a shop object. */
export const SHOP_OBJECT_RE = new RegExp(`\\b${SHOP_OBJECT}\\b`);

/**
 * Banking, billing and account words: "my card hasn't arrived", "I didn't receive my invoice",
 * "my transfer failed" are routine service questions, not complaints about a shop order.
 */
export const NON_SHOP_OBJECT_RE = new RegExp(
  "\\b" +
    oneOf(
      "cards?",
      "pin",
      "transfer\\w*",
      "top(?:ped|ping)? ?(?:ups?|off)",
      "topup\\w*",
      "bills?",
      "invoices?",
      "statements?",
      "passwords?",
      "passcode",
      "log ?in",
      "account",
      "profile",
      "newsletter",
      "emails?",
      "codes?",
      "verification",
      "cheques?",
      "check",
      "deposit\\w*",
      "withdr[ae]w\\w*",
      "atm",
      "cash",
      "exchange",
      "currenc\\w+",
      "crypto\\w*",
      "beneficiar\\w+",
      "direct debit",
      "transactions?",
      "contactless",
      "apple pay",
      "google pay",
      "fees?",
      "landlord",
      "recipient",
      "money",
      "funds",
      "app",
      "balance",
      "bank",
      "wallet",
      "rate",
    ) +
    "\\b",
);
