/** Gzipped bytes a storefront downloads before the first open (launcher JS with its inlined CSS). */
export const LAUNCHER_BUDGET = 4 * 1024;
/** Gzipped bytes of everything together (launcher + panel chunk); raised from 9 KB for the product card. */
export const TOTAL_BUDGET = 12 * 1024;
