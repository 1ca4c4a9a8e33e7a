import { randomBytes } from "node:crypto";
import type OpenAI from "openai";
import type { ShopPolicy } from "~/domain/orders";
import type { AssistantSettings } from "~/domain/shop-settings";
import { clipAtBoundary } from "../../domain/model-output/output-guard";
import { PROMPT_VERSION, renderSystemPrompt } from "./prompt/system-prompt.v2";

// One secret marker per process: if it ever shows up in a reply, the model is echoing its
// instructions and the reply is refused (see output-guard).
const CANARY = `bt-canary-${randomBytes(9).toString("hex")}`;

export function promptCanary(): string {
  return CANARY;
}

const TONE: Record<AssistantSettings["tone"], string> = {
  friendly: "warm and friendly, plain words",
  neutral: "clear and neutral",
  formal: "polite and formal",
};

export interface PromptInput {
  shopName: string;
  assistant: Pick<AssistantSettings, "name" | "tone">;
  /** The shopper is a signed, logged-in customer (their own orders need no email). */
  loggedIn: boolean;
  /** Storefront locale (BCP-47, e.g. "fr"); the model answers in it. */
  locale?: string | null;
  now?: Date;
  contact?: { email: string | null; phone: string | null; url: string | null };
  policies?: readonly ShopPolicy[];
}

const POLICY_SUMMARY_CHARS = 240;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * The system prompt (versioned template in prompt/system-prompt.v2.ts). It holds nothing secret
 * besides the canary and nothing that is not public (no routing addresses, plan or thresholds),
 * so even a leak could not reveal settings.
 */
export function buildSystemPrompt(p: PromptInput): string {
  const now = p.now ?? new Date();
  return renderSystemPrompt({
    assistantName: p.assistant.name,
    tone: TONE[p.assistant.tone],
    shopName: p.shopName,
    locale: p.locale ?? null,
    today: `${now.toISOString().slice(0, 10)} (${WEEKDAYS[now.getUTCDay()]})`,
    contact: p.contact ?? { email: null, phone: null, url: null },
    policies: (p.policies ?? []).map((policy) => ({
      title: policy.title,
      url: policy.url,
      summary: clipAtBoundary(policy.body.replace(/\s+/g, " ").trim(), POLICY_SUMMARY_CHARS),
    })),
    loggedIn: p.loggedIn,
    canary: CANARY,
  });
}

export { PROMPT_VERSION };

/**
 * The instructions of a system prompt without its public store facts ("- " lines): what the
 * verbatim-leak check compares against, since quoting a policy is not a leak.
 */
export function promptInstructions(systemPrompt: string): string {
  return systemPrompt
    .split("\n")
    .filter((line) => !line.startsWith("- "))
    .join("\n");
}

export interface HistoryLine {
  role: "shopper" | "assistant";
  text: string;
}

const HISTORY_MESSAGES = 12;
const HISTORY_CHARS = 6_000;
const MESSAGE_CHARS = 800;

/** The most recent turns that fit the budget, oldest first, each capped. */
export function truncateHistory(history: readonly HistoryLine[]): OpenAI.Chat.ChatCompletionMessageParam[] {
  const out: OpenAI.Chat.ChatCompletionMessageParam[] = [];
  let budget = HISTORY_CHARS;
  for (const line of history.slice(-HISTORY_MESSAGES).reverse()) {
    const text = line.text.length > MESSAGE_CHARS ? `${line.text.slice(0, MESSAGE_CHARS)}…` : line.text;
    if (text.length > budget) break;
    budget -= text.length;
    out.push(line.role === "assistant" ? { role: "assistant", content: text } : { role: "user", content: text });
  }
  return out.reverse();
}
