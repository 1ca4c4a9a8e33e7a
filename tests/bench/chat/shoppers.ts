import { Agent, request } from "node:http";
import { buildSignedProxyUrl } from "../../servers/shopify-signing";
import { TEST_API_SECRET } from "../../support/app-server";

/**
 * The bench's client: N shoppers, each running one conversation after another as fast as the
 * server answers (a closed loop, as a flash sale's shoppers wait for each reply). Keep-alive
 * node:http rather than fetch: the client shares the 2 cores with the server, and undici's fetch
 * costs about twice the CPU per request. Every request is signed as Shopify's App Proxy signs it.
 */
export interface ShopperRun {
  origin: string;
  shop: string;
  shoppers: number;
  seconds: number;
  /** Every Nth conversation asks for a person and gives an email (0: never). */
  escalateEvery: number;
  /** A prefix that keeps shopper addresses and emails apart between runs on one server. */
  runId: string;
  /** Conversations to open (one message each) instead of running for `seconds`. */
  openConversations?: number;
}

export interface ShopperStats {
  requests: number;
  errors: number;
  errorSamples: string[];
  latenciesMs: number[];
  /** Server-Timing durations, when the server sends them. */
  serverMs: number[];
  /** Escalated conversations: the shopper's email (the case's Reply-To) and when the client saw "escalated". */
  handoffs: Array<{ email: string; at: number }>;
  seconds: number;
}

const ROUTINE: string[][] = [
  ["hi", "Where is my order #1042?", "sarah@example.com", "thanks!"],
  ["What is your return policy?", "Do you ship to Canada?", "thank you"],
  ["order 1044", "priya@example.com", "great"],
  ["hello", "can I change the colour of my mug?", "ok"],
];

interface Answer {
  status: number;
  body: string;
  serverTiming: string;
}

export async function runShoppers(o: ShopperRun): Promise<ShopperStats> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.shoppers });
  const stats: ShopperStats = { requests: 0, errors: 0, errorSamples: [], latenciesMs: [], serverMs: [], handoffs: [], seconds: 0 };
  const started = performance.now();
  const deadline = Date.now() + o.seconds * 1000;
  let conversations = 0;
  const more = () => (o.openConversations === undefined ? Date.now() < deadline : conversations < o.openConversations);

  const post = (payload: string, ip: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const url = buildSignedProxyUrl(o.origin, "/proxy/chat", { shop: o.shop }, TEST_API_SECRET);
      const headers = { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload), "X-Forwarded-For": ip };
      const req = request(url, { method: "POST", agent, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, serverTiming: String(res.headers["server-timing"] ?? "") }));
      });
      req.on("error", reject);
      req.end(payload);
    });

  async function shopper(index: number): Promise<void> {
    let n = 0;
    while (more()) {
      const number = ++conversations;
      const escalate = o.escalateEvery > 0 && number % o.escalateEvery === 0;
      const email = `bench-${o.runId.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${index}-${n}@example.com`;
      const script =
        o.openConversations !== undefined ? ["hi"] : escalate ? ["I want to talk to a real person", email] : ROUTINE[(index + n) % ROUTINE.length]!;
      // Each conversation is another shopper (own address), as on a real store: one address opening
      // case after case would hit the abuse caps.
      const ip = `10.${1 + (n >> 8)}.${index}.${n & 255}`;
      n++;
      let conversationId: string | undefined;
      for (const message of script) {
        if (o.openConversations === undefined && Date.now() >= deadline) return;
        const t0 = performance.now();
        let answer: Answer;
        try {
          answer = await post(JSON.stringify({ conversationId, message }), ip);
        } catch (error) {
          stats.requests++;
          stats.errors++;
          if (stats.errorSamples.length < 5) stats.errorSamples.push(String(error));
          break;
        }
        stats.latenciesMs.push(performance.now() - t0);
        stats.requests++;
        const timing = /dur=([\d.]+)/.exec(answer.serverTiming);
        if (timing) stats.serverMs.push(Number(timing[1]));
        if (answer.status !== 200) {
          stats.errors++;
          if (stats.errorSamples.length < 5) stats.errorSamples.push(`${answer.status} ${answer.body.slice(0, 160)}`);
          break;
        }
        const body = JSON.parse(answer.body) as { conversationId?: string; state?: string };
        conversationId = body.conversationId;
        if (body.state === "escalated") stats.handoffs.push({ email, at: Date.now() });
      }
    }
  }

  await Promise.all(Array.from({ length: o.shoppers }, (_, i) => shopper(i)));
  stats.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return stats;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
