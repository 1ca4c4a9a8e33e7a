import type OpenAI from "openai";
import { z } from "zod";
import type { CatalogueSource, ProductFacts } from "~/domain/catalogue";
import { variantStock } from "~/domain/conversation/product-answer";
import { productSearchQuery } from "~/domain/conversation/product-question";
import type { ContactOptions, PendingEscalation } from "~/domain/conversation/types";
import type { Language } from "~/domain/conversation/language";
import { ESCALATION_REASONS, PRIORITIES, type ReasonCode } from "~/domain/escalation";
import { customerOwnsOrder, describeOrder, sameEmail, toOrderName, type OrderFacts, type OrderLookup, type PolicySource } from "~/domain/orders";

/** Function-calling schemas offered to the model. */
export const TOOL_DEFINITIONS: OpenAI.Chat.ChatCompletionTool[] = [
  {
    type: "function",
    function: {
      name: "lookup_order",
      description:
        "Status, shipping and tracking of one order. Needs the order number and the email used at checkout (not needed for a signed-in shopper's own orders).",
      parameters: {
        type: "object",
        properties: { order_number: { type: "string", description: 'e.g. "#1042"' }, email: { type: "string" } },
        required: ["order_number"],
        additionalProperties: false,
      },
    },
  },
  {
    type: "function",
    function: {
      name: "get_store_policy",
      description: "The store's published policy on a topic.",
      parameters: {
        type: "object",
        properties: { topic: { type: "string", enum: ["shipping", "refund", "privacy", "contact"] } },
        required: ["topic"],
        additionalProperties: false,
      },
    },
  },
  {
    type: "function",
    function: {
      name: "search_products",
      description:
        "The store's products matching a search (names, types, colours, materials, sizes) and/or a price " +
        "range: title, page, prices, each variant's availability and the description. The only source of " +
        "product facts.",
      parameters: {
        type: "object",
        properties: {
          query: { type: "string", description: 'e.g. "merino throw", "wool rug 5x8", "gift"; may be empty with a price range' },
          min_price: { type: "number" },
          max_price: { type: "number" },
        },
        required: ["query"],
        additionalProperties: false,
      },
    },
  },
  {
    type: "function",
    function: {
      name: "escalate_to_human",
      description: "Hand the case to the store's human support team (they reply by email). The system then tells the shopper what happens next.",
      parameters: {
        type: "object",
        properties: {
          reason_code: { type: "string", enum: ESCALATION_REASONS.map((r) => r.code) },
          reason: { type: "string", description: "One line for the support team." },
          priority: { type: "string", enum: [...PRIORITIES] },
        },
        required: ["reason_code", "reason", "priority"],
        additionalProperties: false,
      },
    },
  },
];

const lookupArgs = z.object({ order_number: z.string().trim().min(1).max(40), email: z.string().trim().max(254).optional().nullable() });
const policyArgs = z.object({ topic: z.enum(["shipping", "refund", "privacy", "contact"]) });
const searchArgs = z.object({
  query: z.string().max(200),
  min_price: z.number().nonnegative().finite().optional().nullable(),
  max_price: z.number().nonnegative().finite().optional().nullable(),
});
const escalateArgs = z.object({
  reason_code: z.enum(ESCALATION_REASONS.map((r) => r.code) as [ReasonCode, ...ReasonCode[]]),
  reason: z.string().trim().min(1).max(2000),
  priority: z.enum(PRIORITIES as [PendingEscalation["priority"], ...PendingEscalation["priority"][]]),
});

export type ToolCall =
  | { name: "lookup_order"; args: z.output<typeof lookupArgs> }
  | { name: "get_store_policy"; args: z.output<typeof policyArgs> }
  | { name: "search_products"; args: z.output<typeof searchArgs> }
  | { name: "escalate_to_human"; args: z.output<typeof escalateArgs> };

/** Validates a tool call from the model; null when the name is unknown or the arguments are malformed. */
export function parseToolCall(name: string, rawArguments: string): ToolCall | null {
  let json: unknown;
  try {
    json = JSON.parse(rawArguments || "{}");
  } catch {
    return null;
  }
  const schemas: Record<string, z.ZodTypeAny> = {
    lookup_order: lookupArgs,
    get_store_policy: policyArgs,
    search_products: searchArgs,
    escalate_to_human: escalateArgs,
  };
  const schema = Object.hasOwn(schemas, name) ? schemas[name] : null;
  const parsed = schema?.safeParse(json);
  return parsed?.success ? ({ name, args: parsed.data } as ToolCall) : null;
}

export interface ToolContext {
  lookup: OrderLookup & PolicySource;
  /** Signed `logged_in_customer_id` (never a value the browser chose). */
  customerId: string | null;
  /** Emails this shopper typed in this chat, plus the signed customer's: the only ownership proofs. */
  shopperEmails: readonly string[];
  contact: ContactOptions;
  /** The shop's products (the same source and search the built-in engine reads). */
  catalogue?: CatalogueSource;
  /** The shopper's language (published translations where the shop has them). */
  lang?: Language;
}

/** What a tool returns to the model, plus what the runner may trust from it. */
export interface ToolOutcome {
  /** JSON-able result for the model. */
  result: Record<string, unknown>;
  /** Text the shopper may now see (verified order data, public policy text). */
  disclosed: string[];
  verifiedOrder?: OrderFacts;
}

// The same words whether the order does not exist, belongs to someone else, or the email is
// wrong or missing: the tool never confirms that an order number exists.
export const NO_MATCH = { found: false, message: "No order matches that number and email." } as const;

/**
 * Order lookup with ownership enforced here, not by the model: the email must be one the shopper
 * gave in this chat (or the signed customer's) and match the order, or the signed customer must own it.
 */
export async function lookupOrderTool(ctx: ToolContext, args: Extract<ToolCall, { name: "lookup_order" }>["args"]): Promise<ToolOutcome> {
  const name = toOrderName(args.order_number.replace(/^\s*(?:order|no\.?)\s*/i, ""));
  if (!name || !/^#\d{1,12}$/.test(name)) return { result: { ...NO_MATCH }, disclosed: [] };
  const email = args.email && ctx.shopperEmails.some((e) => sameEmail(e, args.email)) ? args.email : null;
  let order: OrderFacts | null;
  try {
    order = await ctx.lookup.findOrderByName(name);
  } catch {
    return { result: { found: false, message: "Order lookup is unavailable right now; offer to connect the shopper with the team." }, disclosed: [] };
  }
  const owns = order && ((email && sameEmail(email, order.email)) || customerOwnsOrder(ctx.customerId, order));
  if (!order || !owns) return { result: { ...NO_MATCH }, disclosed: [] };
  const status = describeOrder(order);
  const tracking = order.fulfillments.flatMap((f) => f.tracking);
  const result = {
    found: true,
    order: order.name,
    status,
    financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus,
    items: order.items.map((i) => `${i.quantity} × ${i.title}${i.variantTitle ? ` (${i.variantTitle})` : ""}`),
    total: order.total ? `${order.total.amount} ${order.total.currencyCode}` : null,
    tracking: tracking.map((t) => ({ carrier: t.company, number: t.number, url: t.url })),
  };
  return { result, disclosed: [JSON.stringify(result), order.email ?? ""], verifiedOrder: order };
}

const POLICY_CHARS = 1_500;

/** The shop's published policy (public text), or its contact details. */
export async function storePolicyTool(ctx: ToolContext, topic: "shipping" | "refund" | "privacy" | "contact"): Promise<ToolOutcome> {
  const contact = { shop: ctx.contact.shopName, email: ctx.contact.email, phone: ctx.contact.phone, url: ctx.contact.url };
  let policies;
  try {
    policies = await ctx.lookup.listPolicies();
  } catch {
    policies = null;
  }
  const policy = policies?.find((p) => p.kind === topic);
  if (!policy) {
    const result =
      topic === "contact" ? { found: true, contact } : { found: false, message: "This policy is not available; offer the store's contact details.", contact };
    return { result, disclosed: [JSON.stringify(contact)] };
  }
  const result = { found: true, title: policy.title, text: policy.body.slice(0, POLICY_CHARS), url: policy.url, ...(topic === "contact" ? { contact } : {}) };
  return { result, disclosed: [JSON.stringify(result)] };
}

export type EscalateArgs = Extract<ToolCall, { name: "escalate_to_human" }>["args"];

const DESCRIPTION_CHARS = 400;

/** A product as the model sees it: only what the data says (availability per variant, known quantities). */
function productForModel(p: ProductFacts) {
  return {
    title: p.title,
    url: p.url,
    type: p.productType,
    price: p.priceRange.min.amount === p.priceRange.max.amount ? `${p.priceRange.min.amount} ${p.priceRange.min.currencyCode}` : undefined,
    price_range:
      p.priceRange.min.amount === p.priceRange.max.amount
        ? undefined
        : `${p.priceRange.min.amount}–${p.priceRange.max.amount} ${p.priceRange.min.currencyCode}`,
    variants: p.variants.map((v) => {
      const stock = variantStock(v);
      return {
        title: v.title,
        price: `${v.price.amount} ${v.price.currencyCode}`,
        available: v.availableForSale,
        ...(stock.kind === "left" ? { quantity_left: stock.count } : {}),
      };
    }),
    description: p.description.slice(0, DESCRIPTION_CHARS),
  };
}

/**
 * The catalogue search the built-in engine uses, for the model: every product, price and count it
 * may state comes from here (the output guard refuses figures that do not).
 */
export async function searchProductsTool(ctx: ToolContext, args: Extract<ToolCall, { name: "search_products" }>["args"]): Promise<ToolOutcome> {
  if (!ctx.catalogue) return { result: { found: false, message: "Product search is not available; offer the store's contact details." }, disclosed: [] };
  const query = productSearchQuery(args.query, ctx.lang ?? "en", {
    ...(args.min_price != null ? { minPrice: args.min_price } : {}),
    ...(args.max_price != null ? { maxPrice: args.max_price } : {}),
  });
  let products: ProductFacts[];
  try {
    products = await ctx.catalogue.searchProducts(query);
  } catch {
    return { result: { found: false, message: "Product search is unavailable right now; do not guess product facts." }, disclosed: [] };
  }
  if (!products.length)
    return {
      result: { found: false, message: "No product matches: say the store does not seem to carry it. Never suggest a product not returned here." },
      disclosed: [],
    };
  const result = { found: true, products: products.map(productForModel) };
  return { result, disclosed: [JSON.stringify(result)] };
}
