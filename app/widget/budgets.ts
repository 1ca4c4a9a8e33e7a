/** Gzipped bytes a storefront downloads before the first open (launcher JS with its inlined CSS). */
export const LAUNCHER_BUDGET = 4 * 1024;
/** Gzipped bytes of everything together (launcher + panel chunk). */
export const TOTAL_BUDGET = 9 * 1024;
