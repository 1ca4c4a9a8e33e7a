import { z } from "zod";
import type { ReplyPart } from "./reply-parts";

/**
 * What a stored message remembers beside its text (the `Message.meta` JSON column): one schema,
 * one reader (`readMessageMeta`) and one writer (`writeMessageMeta`). The core decides from these
 * typed fields — never from the wording of an earlier reply.
 */
const signalSchema = z.object({
  reason: z.string(),
  score: z.number(),
  evidence: z.string(),
  source: z.enum(["rule", "model", "context"]).optional(),
  kind: z.string().optional(),
});

const replyPartSchema = z.looseObject({ type: z.string() });

export const messageMetaSchema = z.object({
  // Assistant messages: who answered and how it went.
  engine: z.enum(["llm", "builtin"]).optional(),
  /** The model's self-rated confidence (feeds the detector's low-confidence signal next turn). */
  modelConfidence: z.number().optional(),
  /** Why the model's answer was not used. */
  llmFallback: z.string().optional(),
  /** The system prompt version the model saw. */
  promptVersion: z.string().optional(),
  /** Orders the model looked up this turn (digits only; a per-conversation cap counts them). */
  orderLookups: z.array(z.string()).optional(),
  /** The assistant could not help with the message before it. */
  unhelpful: z.boolean().optional(),
  /** An ownership proof failed on this turn (a mistyped email is forgiven once). */
  proofFailed: z.boolean().optional(),
  /** What the turn said, as reply keys (`ReplyKey`): "never twice in a row" and "a miss after a miss" read these. */
  said: z.array(z.string()).optional(),
  /** Typed extras shown with the reply (order card, quick actions), so the history shows what was shown live. */
  parts: z.array(replyPartSchema).optional(),
  // Shopper messages: the detector's findings on them.
  /** A press of "Talk to a person" with nothing typed: kept for the team's transcript, never shown as a bubble. */
  pressed: z.boolean().optional(),
  /** A photo the shopper attached (README "Photos"): the history shows it instead of the text, which names the email's attachment. */
  photo: z.object({ id: z.string(), width: z.number(), height: z.number() }).optional(),
  signals: z.array(signalSchema).optional(),
  reasons: z.array(z.string()).optional(),
});

export type MessageMeta = Omit<z.infer<typeof messageMetaSchema>, "parts"> & { parts?: ReplyPart[] };

const EMPTY: MessageMeta = Object.freeze({});

/**
 * The stored meta as typed fields. A row written by an older version, or damaged, reads as "nothing
 * remembered" for that message instead of failing the conversation.
 */
export function readMessageMeta(raw: unknown): MessageMeta {
  if (raw === null || raw === undefined) return EMPTY;
  // A stored meta the chat store hands out again (store/sqlite-chat-store caches parsed cells, frozen) is validated once.
  const known = typeof raw === "object" && Object.isFrozen(raw) ? validated.get(raw) : undefined;
  if (known) return known;
  const parsed = messageMetaSchema.safeParse(raw);
  const meta = parsed.success ? deepFreeze(parsed.data as MessageMeta) : EMPTY;
  if (typeof raw === "object" && Object.isFrozen(raw)) validated.set(raw, meta);
  return meta;
}

// Keyed by the frozen stored object: entries go when the store's cache lets the object go.
const validated = new WeakMap<object, MessageMeta>();

/** The value, frozen all the way down (shared between turns, so nobody may change it). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The meta to store: undefined when there is nothing to remember; plain JSON otherwise. */
export function writeMessageMeta(meta: MessageMeta): object | undefined {
  const entries = Object.entries(meta).filter(([, v]) => v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0));
  return entries.length ? (JSON.parse(JSON.stringify(Object.fromEntries(entries))) as object) : undefined;
}
