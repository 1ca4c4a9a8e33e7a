import OpenAI from "openai";

export interface LlmConfig {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Model budget of one chat turn (all calls and retries). */
  timeoutMs: number;
}

/** The LLM configuration when a key is set; null means the built-in engine only. */
export function llmConfigFrom(env: { openai: { apiKey?: string | null; baseURL?: string; model: string; timeoutMs: number } }): LlmConfig | null {
  const { apiKey, baseURL, model, timeoutMs } = env.openai;
  return apiKey ? { apiKey, baseURL, model, timeoutMs } : null;
}

// No SDK retries: the SDK sleeps for the server's Retry-After before the turn's abort applies.
// Our own retry (turn-deadline.server.ts) runs only when it fits before the turn's deadline.
const MAX_RETRIES = 0;
const clients = new Map<string, OpenAI>();

/**
 * An `openai` client for any OpenAI-compatible server (OpenAI, Azure's v1 endpoint, OpenRouter,
 * vLLM, Ollama): only the key, base URL and model differ. Cached per configuration.
 */
export function llmClient(config: LlmConfig, options: { fetch?: typeof fetch } = {}): OpenAI {
  const key = `${config.baseURL ?? ""}|${config.apiKey}|${config.timeoutMs}`;
  if (options.fetch) return create(config, options.fetch);
  let client = clients.get(key);
  if (!client) {
    client = create(config);
    clients.set(key, client);
  }
  return client;
}

function create(config: LlmConfig, customFetch?: typeof fetch): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    timeout: config.timeoutMs,
    maxRetries: MAX_RETRIES,
    ...(customFetch ? { fetch: customFetch } : {}),
  });
}
