import { z } from "zod";
import { normalizeEmail, sameEmail } from "../email/address";
import { ESCALATION_REASONS, ESCALATION_TOPICS, PRIORITIES, type EscalationTopic, type Priority, type ReasonCode } from "../escalation";

// The escalation matrix: a default address, plus routes by reason, topic or priority. The first
// matching route with recipients replaces the default (functional routing: refund → billing@);
// every other matching route and the urgent list are added as CC (hierarchical routing).

const REASON_CODES = ESCALATION_REASONS.map((r) => r.code) as [ReasonCode, ...ReasonCode[]];
const TOPIC_CODES = ESCALATION_TOPICS.map((t) => t.code) as [EscalationTopic, ...EscalationTopic[]];
const PRIORITY_CODES = [...PRIORITIES] as [Priority, ...Priority[]];

const address = z
  .string()
  .trim()
  .pipe(z.email({ message: "must be an email address" }));
const addressList = z.array(address).max(20).default([]);

const routeCondition = z
  .object({
    reason: z.enum(REASON_CODES).optional(),
    topic: z.enum(TOPIC_CODES).optional(),
    /** Matches this priority or higher. */
    priority: z.enum(PRIORITY_CODES).optional(),
  })
  .refine((w) => w.reason !== undefined || w.topic !== undefined || w.priority !== undefined, {
    message: "a route needs at least one condition (reason, topic or priority)",
  });

const route = z
  .object({
    id: z.string().trim().min(1).max(64),
    when: routeCondition,
    to: addressList,
    cc: addressList,
  })
  .refine((r) => r.to.length + r.cc.length > 0, { message: "a route needs at least one address" });

/** Zod schema of the shop's routing settings (stored JSON or the settings form); fills defaults. */
export const routingSettingsSchema = z.object({
  /** Where escalations go when no route matches. May be empty before setup. */
  defaultTo: addressList,
  /** Display name of the sender (the address itself is Baton's verified MAIL_FROM). */
  fromName: z
    .string()
    .trim()
    .max(80)
    .transform((v) => v.replace(/[\u0000-\u001f\u007f"<>]/g, "").trim())
    .default("Baton"),
  /** Copied on every urgent case. */
  ccUrgent: addressList,
  routes: z.array(route).max(50).default([]),
});

export type RoutingSettings = z.output<typeof routingSettingsSchema>;
export type RoutingRoute = RoutingSettings["routes"][number];

/** Settings of a shop that has not set anything up yet. */
export const defaultRoutingSettings: RoutingSettings = routingSettingsSchema.parse({});

/**
 * Parses stored routing JSON. A stored document that no longer validates is salvaged field by
 * field (bad addresses and bad routes dropped) rather than thrown away: losing a whole matrix over
 * one typo would send every case to the fallback address.
 */
export function parseRoutingSettings(stored: unknown): RoutingSettings {
  const full = routingSettingsSchema.safeParse(stored ?? {});
  if (full.success) return full.data;
  const raw = (typeof stored === "object" && stored !== null ? stored : {}) as Record<string, unknown>;
  const emails = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap((e) => (address.safeParse(e).success ? [String(e).trim()] : [])) : []);
  const fromName = routingSettingsSchema.shape.fromName.safeParse(raw.fromName);
  const routes = Array.isArray(raw.routes)
    ? raw.routes.flatMap((r) => {
        if (typeof r !== "object" || r === null) return [];
        const o = r as Record<string, unknown>;
        const parsed = route.safeParse({ ...o, to: emails(o.to), cc: emails(o.cc) });
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  return {
    defaultTo: emails(raw.defaultTo),
    fromName: fromName.success ? fromName.data : "Baton",
    ccUrgent: emails(raw.ccUrgent),
    routes,
  };
}

/** What routing needs from an escalation decision. */
export interface RoutableDecision {
  reasons: readonly ReasonCode[];
  topic: EscalationTopic;
  priority: Priority;
}

export interface RouteResult {
  to: string[];
  cc: string[];
  matchedRouteIds: string[];
}

/** Whether a route's conditions all hold for the decision (an empty condition never matches). */
export function routeMatches(when: RoutingRoute["when"], decision: RoutableDecision): boolean {
  if (when.reason === undefined && when.topic === undefined && when.priority === undefined) return false;
  if (when.reason !== undefined && !decision.reasons.includes(when.reason)) return false;
  if (when.topic !== undefined && decision.topic !== when.topic) return false;
  if (when.priority !== undefined && PRIORITIES.indexOf(decision.priority) < PRIORITIES.indexOf(when.priority)) return false;
  return true;
}

/**
 * Recipients of an escalation email. The first matching route that has `to` addresses replaces the
 * default; later matches add theirs as CC; urgent cases CC `ccUrgent`. When nothing is configured
 * the case goes to `fallbackTo` (the shop's contact email), so a case is never addressed to nobody.
 * Addresses are deduplicated case-insensitively and never appear in both `to` and `cc`.
 */
export function routeEscalation(decision: RoutableDecision, settings: RoutingSettings, fallbackTo: string[]): RouteResult {
  const matched = settings.routes.filter((r) => routeMatches(r.when, decision));
  const primary = matched.find((r) => r.to.length > 0);

  let to = primary ? primary.to : settings.defaultTo;
  const cc: string[] = [];
  for (const r of matched) {
    if (r !== primary) cc.push(...r.to);
    cc.push(...r.cc);
  }
  if (decision.priority === "urgent") cc.push(...settings.ccUrgent);

  to = dedupe(to);
  if (to.length === 0) to = dedupe(fallbackTo);
  let ccOut = dedupe(cc).filter((a) => !to.some((t) => sameEmail(t, a)));
  // Nobody in "to" but someone in "cc" (a CC-only route, no default yet): promote the CC list.
  if (to.length === 0 && ccOut.length > 0) {
    to = ccOut;
    ccOut = [];
  }
  return { to, cc: ccOut, matchedRouteIds: matched.map((r) => r.id) };
}

function dedupe(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const a = raw.trim();
    const key = normalizeEmail(a);
    if (!a || seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}
