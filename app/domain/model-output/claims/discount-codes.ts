import { oneOf } from "../../escalation/lexicon/compile";
import type { ClaimKind } from "../claims";

// Discount codes and percentages handed out in the reply ("here's a 15% code", "use code SAVE20"),
// in every language the guard lists. A code the shop published (a verified tool result, the shop's
// own texts) may be quoted: see `publishedDiscount` in ../claims.ts.

const CODE_WORD = oneOf(
  "code",
  "coupon",
  "voucher",
  "promo",
  "codigo",
  "cupon",
  "code promo",
  "bon de reduction",
  "gutschein\\w*",
  "rabattcode",
  "codice",
  "cupom",
);

export const DISCOUNT_CODES: Array<{ kind: ClaimKind; re: RegExp }> = [
  // "a 15% code", "15 % discount code", "un code de 15 %", "ein Rabattcode über 15 %"
  { kind: "discount", re: new RegExp("\\b\\d{1,3}\\s?%[^.!?]{0,25}?\\b" + CODE_WORD + "\\b") },
  { kind: "discount", re: new RegExp("\\b" + CODE_WORD + "\\b[^.!?]{0,25}?\\b\\d{1,3}\\s?%") },
  // "use code SAVE20", "code: SORRY15", "utiliza el código PERDON15": a code-like token after the word
  {
    kind: "discount",
    re: new RegExp(
      "(?<!" +
        oneOf("tracking", "zip", "postal", "post", "area", "country", "order", "product", "item", "hs", "verification", "security") +
        " )\\b" +
        CODE_WORD +
        "\\s*[:=]?\\s*[\"'«“„]?[a-z]*\\d[a-z0-9-]*\\b",
    ),
  },
  {
    kind: "discount",
    re: new RegExp("\\d{1,3}\\s?%[^。！？]{0,15}" + oneOf("クーポン", "コード", "割引") + "|" + oneOf("クーポン", "コード") + "[^。！？]{0,5}[:：]"),
  },
];

/** Words a discount sentence offers: its figures and codes (anything with a digit). */
export function discountTokens(sentence: string): string[] {
  return [...sentence.matchAll(/[\p{L}\p{N}-]*\d[\p{L}\p{N}-]*%?/gu)].map((m) => m[0]);
}
