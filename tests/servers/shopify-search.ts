/**
 * A small subset of Shopify's search syntax (https://shopify.dev/docs/api/usage/search-syntax):
 * `field:value`, `field:'quoted value'`, comparators `field:>=100`, prefix `value*`, negation `-field:x` /
 * `NOT field:x`, implicit AND, and `OR` between terms (no parentheses). Free text matches the default fields.
 * Unknown fields are ignored and reported, like Shopify's `extensions.search[].warnings`.
 */

export type SearchValue = string | number | boolean | null | undefined | string[];
export type SearchFields<T> = Record<string, (entity: T) => SearchValue>;

export interface SearchWarning {
  field: string;
  message: string;
}

interface Term {
  negate: boolean;
  field: string | null;
  op: ":" | ">" | "<" | ">=" | "<=";
  value: string;
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const re = /(?:[^\s'"]+|'[^']*'|"[^"]*")+/g;
  for (const match of query.matchAll(re)) tokens.push(match[0]);
  return tokens;
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, "$2");
}

function parseTerm(token: string, negate: boolean): Term {
  const neg = negate || token.startsWith("-");
  const body = token.startsWith("-") ? token.slice(1) : token;
  const colon = body.indexOf(":");
  if (colon <= 0 || /^['"]/.test(body)) return { negate: neg, field: null, op: ":", value: unquote(body) };
  const field = body.slice(0, colon).toLowerCase();
  let rest = body.slice(colon + 1);
  let op: Term["op"] = ":";
  const comparator = /^(>=|<=|>|<)/.exec(rest);
  if (comparator) {
    op = comparator[1] as Term["op"];
    rest = rest.slice(op.length);
  }
  return { negate: neg, field, op, value: unquote(rest) };
}

/** Parses `query` into OR-groups of AND-ed terms. */
function parseQuery(query: string): Term[][] {
  const groups: Term[][] = [[]];
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === "OR") groups.push([]);
    else if (token === "AND") continue;
    else if (token === "NOT") negateNext = true;
    else {
      groups[groups.length - 1].push(parseTerm(token, negateNext));
      negateNext = false;
    }
  }
  return groups.filter((group) => group.length > 0);
}

function matchesValue(actual: SearchValue, term: Term): boolean {
  if (actual === null || actual === undefined) return false;
  if (Array.isArray(actual)) return actual.some((one) => matchesValue(one, term));
  if (term.op !== ":") {
    const left = typeof actual === "number" ? actual : /^\d{4}-\d{2}-\d{2}/.test(String(actual)) ? Date.parse(String(actual)) : Number(actual);
    const right = /^\d{4}-\d{2}-\d{2}/.test(term.value) ? Date.parse(term.value) : Number(term.value);
    if (Number.isNaN(left) || Number.isNaN(right)) return false;
    return term.op === ">" ? left > right : term.op === "<" ? left < right : term.op === ">=" ? left >= right : left <= right;
  }
  const have = String(actual).toLowerCase();
  const want = term.value.toLowerCase();
  if (want === "*") return true;
  return want.endsWith("*") ? have.startsWith(want.slice(0, -1)) : have === want;
}

/** Filters `entities` with a Shopify search string; returns the matches and any warnings. */
export function searchEntities<T>(
  entities: T[],
  query: string | null | undefined,
  fields: SearchFields<T>,
  defaultFields: string[],
): { matches: T[]; warnings: SearchWarning[] } {
  if (!query || !query.trim()) return { matches: entities, warnings: [] };
  const groups = parseQuery(query);
  const warnings: SearchWarning[] = [];
  for (const term of groups.flat()) {
    if (term.field !== null && !(term.field in fields) && !warnings.some((w) => w.field === term.field)) {
      warnings.push({ field: term.field, message: "Invalid search field for this query." });
    }
  }
  const termMatches = (entity: T, term: Term): boolean => {
    let hit: boolean;
    if (term.field === null) {
      const want = term.value.toLowerCase().replace(/\*$/, "");
      hit = defaultFields.some((name) => {
        const value = fields[name]?.(entity);
        const values = Array.isArray(value) ? value : [value];
        return values.some((v) => v !== null && v !== undefined && String(v).toLowerCase().includes(want));
      });
    } else if (!(term.field in fields)) return true;
    else hit = matchesValue(fields[term.field](entity), term);
    return term.negate ? !hit : hit;
  };
  const matches = entities.filter((entity) => groups.some((group) => group.every((term) => termMatches(entity, term))));
  return { matches, warnings };
}
