import { z } from "zod";
import {
  ESCALATION_REASONS,
  ESCALATION_TOPICS,
  PRIORITIES,
  readShopperRequest,
  type EscalationTopic,
  type Priority,
  type ReasonCode,
  type ShopperRequest,
  type Signal,
} from "../escalation";
import type { CustomerFacts, OrderFacts } from "../orders";

/**
 * The JSON a case row stores (reasons, signals, route, the proven order's and customer's facts),
 * read back in one place. `planCase` writes them (`CaseRecord`); the case email, its follow-ups,
 * the admin and the data exports read them here. Rows written by older versions, or damaged ones,
 * read with safe defaults per field instead of failing the page or the email.
 */
export interface CaseDataColumns {
  reasons: unknown;
  signals: unknown;
  route: unknown;
  orderFacts: unknown;
  customerFacts: unknown;
  priority: string;
  topic: string | null;
  /** Absent on rows read by callers that do not select it. */
  request?: string | null;
}

export interface CaseData {
  reasons: ReasonCode[];
  signals: Signal[];
  route: { to: string[]; cc: string[]; from: string };
  /** The proven order (null: none, or only a name the shopper typed). */
  order: OrderFacts | null;
  /** The signed customer, or the proven order's customer. */
  customer: CustomerFacts | null;
  priority: Priority;
  topic: EscalationTopic;
  request: ShopperRequest | null;
  isVip: boolean;
}

const REASON_CODES = new Set<string>(ESCALATION_REASONS.map((r) => r.code));
const TOPIC_CODES = new Set<string>(ESCALATION_TOPICS.map((t) => t.code));

const strings = z.array(z.unknown()).transform((xs) => xs.filter((x): x is string => typeof x === "string"));
const routeSchema = z.object({ to: strings.catch([]), cc: strings.catch([]), from: z.string().catch("") }).catch({ to: [], cc: [], from: "" });
const signalSchema = z.looseObject({ reason: z.string(), score: z.number().catch(0), evidence: z.string().catch("") });
const signalsSchema = z.array(z.unknown()).transform((xs) =>
  xs.flatMap((x) => {
    const parsed = signalSchema.safeParse(x);
    return parsed.success ? [parsed.data as Signal] : [];
  }),
);
const orderSchema = z.looseObject({
  name: z.string(),
  items: z.array(z.unknown()).catch([]),
  fulfillments: z.array(z.looseObject({ tracking: z.array(z.unknown()).catch([]) })).catch([]),
});
const customerSchema = z.looseObject({ displayName: z.string().nullable().optional() });

export function readCaseData(row: CaseDataColumns): CaseData {
  const reasons = strings
    .catch([])
    .parse(row.reasons)
    .filter((r): r is ReasonCode => REASON_CODES.has(r));
  const signals = signalsSchema.catch([]).parse(row.signals);
  const order = orderSchema.safeParse(row.orderFacts);
  const customer = customerSchema.safeParse(row.customerFacts);
  const orderFacts = order.success ? (order.data as unknown as OrderFacts) : null;
  return {
    reasons,
    signals,
    route: routeSchema.parse(row.route ?? {}),
    order: orderFacts,
    customer: customer.success && row.customerFacts ? (customer.data as unknown as CustomerFacts) : (orderFacts?.customer ?? null),
    priority: (PRIORITIES as readonly string[]).includes(row.priority) ? (row.priority as Priority) : "normal",
    topic: row.topic && TOPIC_CODES.has(row.topic) ? (row.topic as EscalationTopic) : "other",
    request: readShopperRequest(row.request),
    isVip: reasons.includes("vip") || signals.some((s) => s.reason === "vip"),
  };
}

/** The customer's name a case shows: the stored customer's, or the proven order's customer's. */
export function caseCustomerName(data: Pick<CaseData, "customer">): string | null {
  const name = data.customer?.displayName;
  return typeof name === "string" && name.trim() ? name : null;
}
