import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import {
  buildSchema,
  getNamedType,
  isLeafType,
  isObjectType,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";

/** The real Admin API schema the fake validates and executes against (copied from /work/shared, gzipped). */
const SCHEMA_FILE = new URL("../fixtures/admin-schema/2026-07/schema.graphql.gz", import.meta.url);
const CACHE_KEY = Symbol.for("baton.tests.shopifyAdminSchema.2026-07");

/** Builds the 3.7 MB schema once per process (~0.5 s) and shares it across servers. */
export function loadAdminSchema(): GraphQLSchema {
  const cache = globalThis as { [CACHE_KEY]?: GraphQLSchema };
  cache[CACHE_KEY] ??= buildSchema(gunzipSync(readFileSync(SCHEMA_FILE)).toString("utf8"), { assumeValidSDL: true });
  return cache[CACHE_KEY];
}

/** An error entry in the shape Shopify's graphql-ruby backend produces. */
export interface ShopifyGraphqlError {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export type ParseOutcome = { document: DocumentNode } | { errors: ShopifyGraphqlError[] };

/**
 * Parses and validates like Shopify: a syntax error gives graphql-ruby's parse message (no extensions,
 * as Shopify sends it); a validation error gives graphql-ruby's message and `extensions.code`
 * (undefinedField, argumentNotAccepted, missingRequiredArguments, variableMismatch, …) and a `path`.
 */
export function parseAndValidate(schema: GraphQLSchema, query: string): ParseOutcome {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { errors: [parseError(error as GraphQLError)] };
  }
  const errors: ShopifyGraphqlError[] = [];
  // One pass per rule so each error knows which rule raised it (graphql-js errors do not say).
  for (const rule of specifiedRules) {
    for (const error of validate(schema, document, [rule])) errors.push(toShopifyError(rule, error, document));
  }
  return errors.length ? { errors: mergeMissingArguments(errors) } : { document };
}

const TOKEN_NAMES: Record<string, string> = {
  "{": "LCURLY",
  "}": "RCURLY",
  "(": "LPAREN",
  ")": "RPAREN",
  "[": "LBRACKET",
  "]": "RBRACKET",
  ":": "COLON",
  $: "VAR_SIGN",
  "!": "BANG",
  "=": "EQUALS",
  "@": "DIR_SIGN",
  "...": "ELLIPSIS",
  "|": "PIPE",
  "&": "AMP",
};

/** graphql-js token description (`")"`, `Name "foo"`, `<EOF>`) → graphql-ruby token name and text. */
function rubyToken(description: string): { name: string; text: string } | null {
  if (description === "<EOF>") return null;
  const [, kind, text = ""] = /^(?:(Name|Int|Float|String|BlockString) )?"(.*)"$/.exec(description) ?? [];
  const name = kind === "Name" ? "IDENTIFIER" : kind ? kind.toUpperCase() : (TOKEN_NAMES[text] ?? "UNKNOWN_CHAR");
  return { name, text };
}

/**
 * graphql-ruby 2.x wording: `Expected NAME, actual: RPAREN (")") at [1, 15]`, older `Parse error on ")" (RPAREN)
 * at [1, 28]` when nothing specific was expected, `Unexpected end of document` at EOF. Shopify sends no extensions.
 */
function parseError(error: GraphQLError): ShopifyGraphqlError {
  const location = error.locations?.[0] ?? { line: 1, column: 1 };
  const at = `at [${location.line}, ${location.column}]`;
  const expected = /Expected (Name|"[^"]*"|<EOF>), found (.*)\.$/.exec(error.message);
  const unexpected = /Unexpected (.*)\.$/.exec(error.message);
  const found = rubyToken(expected?.[2] ?? unexpected?.[1] ?? "<EOF>");
  let message = "Unexpected end of document";
  if (found && expected) {
    const want = expected[1] === "Name" ? "NAME" : (rubyToken(expected[1])?.name ?? "EOF");
    message = `Expected ${want}, actual: ${found.name} (${JSON.stringify(found.text)}) ${at}`;
  } else if (found) message = `Parse error on ${JSON.stringify(found.text)} (${found.name}) ${at}`;
  return { message, locations: [location] };
}

function ancestorsOf(document: DocumentNode, target: ASTNode | undefined): ASTNode[] {
  let found: ASTNode[] = [];
  if (!target) return found;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (node !== target) return undefined;
      // graphql-js leaves the direct parent out of `ancestors`.
      found = [...ancestors, parent ?? []].filter((a): a is ASTNode => !Array.isArray(a) && typeof a === "object" && a !== null && "kind" in a);
      found.push(node);
      return false;
    },
  });
  return found;
}

/** graphql-ruby's static-validation path: ["query Name", "orders", "nodes", "bogus"]. */
function rubyPath(chain: ASTNode[]): string[] {
  const path: string[] = [];
  for (const node of chain) {
    if (node.kind === Kind.OPERATION_DEFINITION) path.push(node.name ? `${node.operation} ${node.name.value}` : node.operation);
    else if (node.kind === Kind.FRAGMENT_DEFINITION) path.push(`fragment ${node.name.value}`);
    else if (node.kind === Kind.FIELD) path.push(node.alias?.value ?? node.name.value);
    else if (node.kind === Kind.INLINE_FRAGMENT) path.push(node.typeCondition ? `... on ${node.typeCondition.name.value}` : "...");
    else if (node.kind === Kind.FRAGMENT_SPREAD) path.push(`... ${node.name.value}`);
    else if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) path.push(node.name.value);
  }
  return path;
}

function nearest<K extends ASTNode["kind"]>(chain: ASTNode[], kind: K): Extract<ASTNode, { kind: K }> | undefined {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].kind === kind) return chain[i] as Extract<ASTNode, { kind: K }>;
  return undefined;
}

function operationLabel(chain: ASTNode[]): string {
  const op = nearest(chain, Kind.OPERATION_DEFINITION);
  return op?.name ? op.name.value : `anonymous ${op?.operation ?? "query"}`;
}

function toShopifyError(rule: ValidationRule, error: GraphQLError, document: DocumentNode): ShopifyGraphqlError {
  // For a variable used in the wrong place graphql-js names the definition first and the usage second;
  // graphql-ruby points at the usage.
  const atUsage = rule.name === "VariablesInAllowedPositionRule";
  const chain = ancestorsOf(document, atUsage ? error.nodes?.at(-1) : error.nodes?.[0]);
  const locations = atUsage ? error.locations?.slice(-1) : error.locations;
  const base = { locations: locations ? [...locations] : undefined, path: rubyPath(chain) };
  const m = (re: RegExp) => re.exec(error.message) ?? [];
  const field = nearest(chain, Kind.FIELD)?.name.value ?? "";
  const argument = nearest(chain, Kind.ARGUMENT)?.name.value ?? "";
  const out = (message: string, code: string, extensions: Record<string, unknown> = {}): ShopifyGraphqlError => ({
    message,
    ...base,
    extensions: { code, ...extensions },
  });

  switch (rule.name) {
    case "FieldsOnCorrectTypeRule": {
      const [, fieldName, typeName] = m(/Cannot query field "([^"]+)" on type "([^"]+)"/);
      return out(`Field '${fieldName}' doesn't exist on type '${typeName}'`, "undefinedField", { typeName, fieldName });
    }
    case "KnownArgumentNamesRule": {
      const [, argumentName, owner] = m(/Unknown argument "([^"]+)" on (?:field|directive) "([^"]+)"/);
      const onDirective = owner?.startsWith("@");
      const name = onDirective ? owner.slice(1) : (owner?.split(".").pop() ?? field);
      return out(`${onDirective ? "Directive" : "Field"} '${name}' doesn't accept argument '${argumentName}'`, "argumentNotAccepted", {
        name,
        typeName: onDirective ? "Directive" : "Field",
        argumentName,
      });
    }
    case "ProvidedRequiredArgumentsRule": {
      const [, name, arg] = m(/(?:Field|Directive) "@?([^"]+)" argument "([^"]+)"/);
      return out(`Field '${name}' is missing required arguments: ${arg}`, "missingRequiredArguments", { className: "Field", name, arguments: arg });
    }
    case "ScalarLeafsRule": {
      const [, name, type] = m(/Field "([^"]+)"(?: of type| must not have a selection since type) "([^"!\][]+)/);
      if (error.message.includes("must not have a selection")) {
        return out(`Selections can't be made on scalars (field '${name}' returns ${type} but has selections [...])`, "selectionMismatch", {
          nodeName: `field '${name}'`,
          typeName: type,
        });
      }
      return out(`Field must have selections (field '${name}' returns ${type} but has no selections. Did you mean '${name} { ... }'?)`, "selectionMismatch", {
        nodeName: `field '${name}'`,
        typeName: type,
      });
    }
    case "ValuesOfCorrectTypeRule": {
      const value = error.nodes?.[0] && "loc" in error.nodes[0] ? document.loc?.source.body.slice(error.nodes[0].loc?.start, error.nodes[0].loc?.end) : "";
      const expected = m(/(?:type|Expected value of type) "?([A-Za-z0-9_![\]]+)"?/)[1] ?? m(/^(\w+) cannot represent/)[1] ?? "?";
      return out(`Argument '${argument}' on Field '${field}' has an invalid value (${value}). Expected type '${expected}'.`, "argumentLiteralsIncompatible", {
        typeName: "Field",
        argumentName: argument,
      });
    }
    case "VariablesInAllowedPositionRule": {
      const [, variableName, actual, expected] = m(/Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"/);
      const nullability = actual?.replace(/!/g, "") === expected?.replace(/!/g, "");
      return out(
        `${nullability ? "Nullability" : "Type"} mismatch on variable $${variableName} and argument ${argument} (${actual} / ${expected})`,
        "variableMismatch",
        { variableName, typeName: actual, argumentName: argument, errorMessage: nullability ? "Nullability mismatch" : "Type mismatch" },
      );
    }
    case "NoUndefinedVariablesRule": {
      const [, variableName] = m(/Variable "\$([^"]+)"/);
      return out(`Variable $${variableName} is used by ${operationLabel(chain)} but not declared`, "variableNotDefined", { variableName });
    }
    case "NoUnusedVariablesRule": {
      const [, variableName] = m(/Variable "\$([^"]+)"/);
      return out(`Variable $${variableName} is declared by ${operationLabel(chain)} but not used`, "variableNotUsed", { variableName });
    }
    case "KnownTypeNamesRule": {
      const [, typeName] = m(/Unknown type "([^"]+)"/);
      const variable = nearest(chain, Kind.VARIABLE_DEFINITION);
      if (variable) {
        return out(`${typeName} isn't a defined input type (on $${variable.variable.name.value})`, "variableRequiresValidType", {
          typeName,
          variableName: variable.variable.name.value,
        });
      }
      return out(`No such type ${typeName}, so it can't be a fragment condition`, "undefinedType", { typeName });
    }
    case "VariablesAreInputTypesRule": {
      const [, variableName, typeName] = m(/Variable "\$([^"]+)" cannot be non-input type "([^"]+)"/);
      return out(`${typeName} isn't a valid input type (on $${variableName})`, "variableRequiresValidType", { typeName, variableName });
    }
    case "KnownFragmentNamesRule": {
      const [, name] = m(/Unknown fragment "([^"]+)"/);
      return out(`Fragment ${name} was used, but not defined`, "useAndDefineFragment", { fragmentName: name });
    }
    case "NoUnusedFragmentsRule": {
      const [, name] = m(/Fragment "([^"]+)"/);
      return out(`Fragment ${name} was defined, but not used`, "useAndDefineFragment", { fragmentName: name });
    }
    case "PossibleFragmentSpreadsRule": {
      const [, parent, fragmentType] = m(/objects of type "([^"]+)" can never be of type "([^"]+)"/);
      return out(`Fragment on ${fragmentType} can't be spread inside ${parent}`, "cannotSpreadFragment", { typeName: fragmentType });
    }
    case "NoFragmentCyclesRule": {
      const [, name] = m(/Cannot spread fragment "([^"]+)"/);
      return out(`Fragment ${name} contains an infinite loop`, "infiniteLoop", { fragmentName: name });
    }
    case "KnownDirectivesRule": {
      const [, name] = m(/"@([^"]+)"/);
      return error.message.startsWith("Unknown directive")
        ? out(`Directive @${name} is not defined`, "undefinedDirective", { directiveName: name })
        : out(`'@${name}' can't be applied to this location`, "directiveCannotBeApplied", { directiveName: name });
    }
    case "OverlappingFieldsCanBeMergedRule": {
      const [, name] = m(/Fields "([^"]+)" conflict/);
      return out(`Field '${name}' has a field conflict: ${error.message}`, "fieldConflict", { field: name });
    }
    case "UniqueOperationNamesRule": {
      const [, name] = m(/named "([^"]+)"/);
      return out(`Operation name "${name}" must be unique`, "uniquelyNamedOperations", { operationName: name });
    }
    default:
      // Rare rules: keep graphql-js's wording, still with Shopify's envelope.
      return out(
        error.message,
        rule.name.replace(/Rule$/, "").replace(/^./, (c) => c.toLowerCase()),
      );
  }
}

/** graphql-ruby reports all missing arguments of one field in one error; graphql-js reports one per argument. */
function mergeMissingArguments(errors: ShopifyGraphqlError[]): ShopifyGraphqlError[] {
  const merged: ShopifyGraphqlError[] = [];
  const byField = new Map<string, ShopifyGraphqlError>();
  for (const error of errors) {
    if (error.extensions?.code !== "missingRequiredArguments") {
      merged.push(error);
      continue;
    }
    const key = JSON.stringify([error.path, error.locations]);
    const existing = byField.get(key);
    if (!existing?.extensions) {
      byField.set(key, error);
      merged.push(error);
      continue;
    }
    const names = `${String(existing.extensions.arguments)}, ${String(error.extensions.arguments)}`;
    existing.extensions.arguments = names;
    existing.message = `Field '${String(existing.extensions.name)}' is missing required arguments: ${names}`;
  }
  return merged;
}

/**
 * Shopify's documented cost model, approximately: scalars and enums 0, objects 1, connections
 * 2 + first × (cost of one node), mutations 10. Shopify's exact numbers differ a little.
 */
export function calculateQueryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const operation = document.definitions.find((def) => def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;

  const argValue = (node: ASTNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    return undefined;
  };

  const costOf = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType, depth: number): number => {
    if (!selectionSet) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type) total += costOf(fragment.selectionSet, type as GraphQLCompositeType, depth);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) total += costOf(selection.selectionSet, type as GraphQLCompositeType, depth);
        continue;
      }
      const fields = "getFields" in parent ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>) : {};
      const field = fields[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) continue;
      const children = costOf(selection.selectionSet, named as GraphQLCompositeType, depth + 1);
      if (depth === 0 && operation.operation === "mutation") total += 10 + children;
      else if (isObjectType(named) && named.name.endsWith("Connection")) {
        const pick = (name: string) => argValue(selection.arguments?.find((a) => a.name.value === name)?.value);
        const size = Number(pick("first") ?? pick("last") ?? 0);
        total += 2 + size * children;
      } else total += 1 + children;
    }
    return total;
  };
  return costOf(operation.selectionSet, root, 0);
}
