import type { Format, ReplyCatalog } from "./replies";
import type { TurnFacts } from "./types";

/** What every step of one turn reads: the facts and the texts in the shopper's language. */
export interface Turn {
  facts: TurnFacts;
  t: ReplyCatalog;
  f: Format;
}
