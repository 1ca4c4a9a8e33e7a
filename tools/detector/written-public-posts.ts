// Public posts at companies written by helpers who saw no detector code or data, used as training rows since the
// eighth pass (decision 0089): the seventh pass's two check sets (`frozen-wild-*.ts`, `frozen-wild-b-*.ts`) and set D
// (`written-d-*.ts`, written as training rows). Rules written from misses stop generalizing past the posts they were
// read from: on a third pair of writers' set (set C, `frozen-wild-c-*.ts`, never trained on) the model trained on the
// first two sets lifts airline F1 0.783 → 0.893 and brand F1 0.715 → 0.844 on its odd half, where a pass of new rules
// moved them 0.775 → 0.783 and 0.715 → 0.715. Set C stays out of training: it is the check.
import { WILD_AIRLINE_COMPLAINTS, WILD_AIRLINE_OTHER } from "./frozen-wild-airline-sets";
import { WILD_BRAND_COMPLAINTS, WILD_BRAND_OTHER } from "./frozen-wild-brand-sets";
import { WILDB_AIRLINE_COMPLAINTS, WILDB_AIRLINE_OTHER, WILDB_BRAND_COMPLAINTS } from "./frozen-wild-b-tweet-sets";
import { WILDB_BRAND_OTHER } from "./frozen-wild-b-brand-other-sets";
import { WRITTEN_D_AIRLINE_COMPLAINTS } from "./written-d-airline-complaints";
import { WRITTEN_D_AIRLINE_OTHER } from "./written-d-airline-other";
import { WRITTEN_D_BRAND_COMPLAINTS } from "./written-d-brand-complaints";
import { WRITTEN_D_BRAND_OTHER } from "./written-d-brand-other";

/** Complaints at airlines, travel companies and brands (890 posts). */
export const WRITTEN_PUBLIC_COMPLAINTS: readonly string[] = [
  ...WILD_AIRLINE_COMPLAINTS,
  ...WILD_BRAND_COMPLAINTS,
  ...WILDB_AIRLINE_COMPLAINTS,
  ...WILDB_BRAND_COMPLAINTS,
  ...WRITTEN_D_AIRLINE_COMPLAINTS,
  ...WRITTEN_D_BRAND_COMPLAINTS,
];

/** Questions, praise, promotions, replies and chatter at the same companies (1,080 posts). */
export const WRITTEN_PUBLIC_ROUTINE: readonly string[] = [
  ...WILD_AIRLINE_OTHER,
  ...WILD_BRAND_OTHER,
  ...WILDB_AIRLINE_OTHER,
  ...WILDB_BRAND_OTHER,
  ...WRITTEN_D_AIRLINE_OTHER,
  ...WRITTEN_D_BRAND_OTHER,
];

/**
 * How many times each written post is repeated among the synthetic rows. With the first two sets only, on set C's odd
 * half (airline / brand F1): ×2 0.864 / 0.803, ×3 0.893 / 0.844, ×5 0.892 / 0.848. With set D the rows double, and ×2
 * gives set C 0.942 / 0.870 (×3: 0.932 / 0.870); more repeats move the private sources' leave-out numbers further
 * (Banking77 F1 0.805 → 0.751 at ×2 with set D).
 */
export const WRITTEN_POST_REPEATS = 2;
