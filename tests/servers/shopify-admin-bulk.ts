import { randomBytes } from "node:crypto";
import {
  getNamedType,
  getNullableType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { parseAndValidate } from "./shopify-admin-schema";

// The fake Admin API's bulk query operations, as Shopify documents them
// (https://shopify.dev/docs/api/usage/bulk-operations/queries): `bulkOperationRunQuery` validates
// the inner query (at least one connection, at most five, nested at most two deep, no top-level
// `node`/`nodes`, an `id` beside every nested connection), runs it over every page at once, and
// writes JSONL where each connection's node is one line and a nested node names its parent in
// `__parentId`. `bulkOperation(id:)` reports it; the file is served at the operation's `url`.

export interface FixtureBulkOperation {
  id: string;
  type: "QUERY";
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "EXPIRED";
  errorCode: string | null;
  query: string;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: null;
  createdAt: string;
  completedAt: string | null;
}

export interface BulkRunOutcome {
  bulkOperation: FixtureBulkOperation | null;
  userErrors: Array<{ field: string[]; message: string; code: string }>;
}

export interface BulkOptions {
  /** How many status reads an operation stays RUNNING before it completes (default 0: done at once). */
  pollsBeforeDone?: number;
  /** Force the next operations to fail with this error code (e.g. "ACCESS_DENIED"). */
  failWith?: string | null;
}

type Execute = (document: DocumentNode) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly unknown[] }>;

const MAX_CONNECTIONS = 5;
const MAX_NESTING = 2;

export function createBulkOperations(schema: GraphQLSchema, origin: () => string) {
  const files = new Map<string, string>();
  const operations = new Map<string, { op: FixtureBulkOperation; pollsLeft: number; shop: string; running: Promise<void> | null }>();
  const options: Required<BulkOptions> = { pollsBeforeDone: 0, failWith: null };
  let sequence = 0;

  async function run(shop: string, query: string, execute: Execute, now: Date): Promise<BulkRunOutcome> {
    const invalid = (message: string): BulkRunOutcome => ({ bulkOperation: null, userErrors: [{ field: ["query"], message, code: "INVALID" }] });
    const parsed = parseAndValidate(schema, query);
    if ("errors" in parsed) return invalid(`Invalid bulk query: ${parsed.errors.map((e) => e.message).join("; ")}`);
    const problem = bulkRuleBroken(schema, parsed.document);
    if (problem) return invalid(problem);
    sequence += 1;
    const op: FixtureBulkOperation = {
      id: `gid://shopify/BulkOperation/${1000 + sequence}`,
      type: "QUERY",
      status: "CREATED",
      errorCode: null,
      query,
      objectCount: "0",
      rootObjectCount: "0",
      fileSize: null,
      url: null,
      partialDataUrl: null,
      createdAt: now.toISOString(),
      completedAt: null,
    };
    const entry = { op, pollsLeft: options.pollsBeforeDone, shop, running: null as Promise<void> | null };
    if (options.failWith) Object.assign(op, { status: "FAILED", errorCode: options.failWith });
    // Shopify answers the mutation at once and runs the query in the background (a moment later, so a
    // client in this same process reads the answer before a large execution holds the event loop).
    else {
      entry.running = new Promise<void>((resolve) => setTimeout(resolve, 20))
        .then(() => complete(op, parsed.document, execute))
        .catch(() => void Object.assign(op, { status: "FAILED", errorCode: "INTERNAL_SERVER_ERROR" }));
    }
    operations.set(op.id, entry);
    return { bulkOperation: { ...op, url: null }, userErrors: [] };
  }

  async function complete(op: FixtureBulkOperation, document: DocumentNode, execute: Execute): Promise<void> {
    const result = await execute(document);
    if (result.errors?.length || !result.data) {
      const denied = (result.errors ?? []).some((e) => /access denied/i.test(String((e as { message?: unknown }).message)));
      Object.assign(op, { status: "FAILED", errorCode: denied ? "ACCESS_DENIED" : "INTERNAL_SERVER_ERROR" });
      return;
    }
    const { lines, roots } = toJsonLines(result.data);
    const token = randomBytes(12).toString("hex");
    const body = lines.map((line) => JSON.stringify(line)).join("\n") + (lines.length ? "\n" : "");
    files.set(token, body);
    Object.assign(op, {
      status: "COMPLETED",
      completedAt: new Date().toISOString(),
      objectCount: String(lines.length),
      rootObjectCount: String(roots),
      fileSize: String(Buffer.byteLength(body)),
      url: `${origin()}/bulk-results/${token}.jsonl`,
    });
  }

  /** The operation as a status read sees it: RUNNING while it runs, and for the configured number of reads. */
  function read(shop: string, id: unknown): FixtureBulkOperation | null {
    const entry = operations.get(String(id));
    if (!entry || entry.shop !== shop) return null;
    if (entry.op.status === "FAILED") return entry.op;
    if (entry.op.status !== "COMPLETED" || entry.pollsLeft > 0) {
      entry.pollsLeft = Math.max(0, entry.pollsLeft - 1);
      return { ...entry.op, status: "RUNNING", url: null, completedAt: null };
    }
    return entry.op;
  }

  return {
    run,
    read,
    latest: (shop: string) => [...operations.values()].filter((e) => e.shop === shop).at(-1)?.op ?? null,
    file: (token: string) => files.get(token) ?? null,
    configure: (next: BulkOptions) => Object.assign(options, next),
    reset() {
      files.clear();
      operations.clear();
      Object.assign(options, { pollsBeforeDone: 0, failWith: null });
    },
  };
}

export type BulkOperations = ReturnType<typeof createBulkOperations>;

function isConnection(type: GraphQLOutputType): boolean {
  const named = getNullableType(type);
  return isObjectType(named) && named.name.endsWith("Connection") && "pageInfo" in named.getFields();
}

/** Shopify's bulk query restrictions; null when the query keeps them. */
export function bulkRuleBroken(schema: GraphQLSchema, document: DocumentNode): string | null {
  const typeInfo = new TypeInfo(schema);
  let connections = 0;
  let depth = 0;
  let deepest = 0;
  let problem: string | null = null;
  const fieldStack: boolean[] = [];
  // Whether the selection set that holds a nested connection also selects `id`.
  const idSelected: boolean[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          const type = typeInfo.getType();
          const connection = type ? isConnection(type) : false;
          if (fieldStack.length === 0 && (node.name.value === "node" || node.name.value === "nodes")) {
            problem ??= "The top-level `node` and `nodes` fields can't be used in bulk queries.";
          }
          if (connection) {
            connections += 1;
            depth += 1;
            deepest = Math.max(deepest, depth);
            if (depth > 1 && idSelected.at(-1) === false) problem ??= "The parent 'id' field is required in bulk queries with nested connections.";
          }
          fieldStack.push(connection);
          const named = type ? getNamedType(type) : null;
          if (node.selectionSet && named && isObjectType(named)) {
            idSelected.push(node.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "id"));
          } else if (node.selectionSet) {
            idSelected.push(true);
          }
        },
        leave(node) {
          if (fieldStack.pop()) depth -= 1;
          if (node.selectionSet) idSelected.pop();
        },
      },
    }),
  );
  if (problem) return problem;
  if (connections === 0) return "Bulk queries must contain at least one connection.";
  if (connections > MAX_CONNECTIONS) return `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`;
  if (deepest > MAX_NESTING) return `Bulk queries cannot contain connections nested more than ${MAX_NESTING} levels deep.`;
  return null;
}

type Json = Record<string, unknown>;

const connectionNodes = (value: unknown): unknown[] | null => {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const object = value as Json;
  if (Array.isArray(object.edges)) return object.edges.map((edge) => (edge as Json).node);
  if (Array.isArray(object.nodes) && Object.keys(object).every((k) => k === "nodes" || k === "edges" || k === "pageInfo")) return object.nodes;
  return null;
};

/** Flattens an executed bulk query into JSONL lines, parents before their children. */
function toJsonLines(data: Json): { lines: Json[]; roots: number } {
  const lines: Json[] = [];
  let roots = 0;
  const emit = (node: unknown, parentId: string | null) => {
    if (!node || typeof node !== "object") return;
    const line: Json = {};
    const children: Array<unknown[]> = [];
    for (const [key, value] of Object.entries(node as Json)) {
      const nested = connectionNodes(value);
      if (nested) children.push(nested);
      else line[key] = value;
    }
    if (parentId) line.__parentId = parentId;
    lines.push(line);
    for (const list of children) for (const child of list) emit(child, typeof line.id === "string" ? line.id : null);
  };
  for (const value of Object.values(data)) {
    const nodes = connectionNodes(value);
    if (!nodes) continue;
    roots += nodes.length;
    for (const node of nodes) emit(node, null);
  }
  return { lines, roots };
}
