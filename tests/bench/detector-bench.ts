// Usage: npm run bench:detector [-- --rules-only]  — prints detector throughput (messages/s) on one
// core, rules + the committed model (or rules only), and the model's own time per message
// (features + 4 heads), and the latency of single messages (p50 / p99). Uses a fixed mix of routine questions, complaints, requests and
// multi-language text; repeats it until enough time has passed for a stable number. No dataset needed.
// Throughput and latency read every message afresh (`memo: false`: the mix repeats, so the per-process message memo
// would answer most of it); the last part times a chat turn with a 4-message history with and without the memo.
import { defaultEscalationSettings, detectEscalation } from "../../app/domain/escalation";
import { committedModel } from "../../app/domain/escalation/model/committed-model";
import { scoreWithModel } from "../../app/domain/escalation/model/detector-model";
import { clearMessageMemo } from "../../app/domain/escalation/message-memo";
import { normalizeText } from "../../app/domain/escalation/normalize";
import { readRuleSignals, ruleFeatures } from "../../app/domain/escalation/rule-signals";

const SAMPLES = [
  "where is my order?",
  "How do I return an item I bought last week?",
  "do you ship to Canada",
  "I want to talk to a human",
  "@AcmeSupport my package STILL hasn't arrived after 3 weeks, this is ridiculous #fail",
  "The vase arrived broken and nobody answers my emails. I'll file a chargeback if I don't hear back today!!",
  "Quiero hablar con un agente, por favor",
  "Je voudrais parler à un conseiller",
  "Ich möchte mit einem Mitarbeiter sprechen",
  "Can I change the shipping address on order #1042?",
  "I want a full refund for this order, it's not as described",
  "please delete all my personal data",
  "what sizes do you have for the blue jacket? is it true to size or should I size up for winter layering",
  "thanks, that's all!",
];

const rulesOnly = process.argv.includes("--rules-only");
const options = { model: rulesOnly ? null : committedModel(), memo: false };
const conversations = SAMPLES.map((text) => ({ messages: [{ role: "shopper" as const, text }] }));
// warm up the JIT and regex caches
for (let i = 0; i < 2000; i++) detectEscalation(conversations[i % conversations.length], {}, defaultEscalationSettings, options);

let count = 0;
// CPU time as well as wall time: on a shared box the wall-clock rate mostly measures the neighbors
const cpuStarted = process.cpuUsage();
const started = performance.now();
let elapsed = 0;
while (elapsed < 3000) {
  for (const conversation of conversations) detectEscalation(conversation, {}, defaultEscalationSettings, options);
  count += conversations.length;
  elapsed = performance.now() - started;
}
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString("en-US");
process.stdout.write(
  `detector (${rulesOnly ? "rules only" : "rules + model"}): ${perSecond(count, elapsed)} messages/s on one core ` +
    `(${count} messages in ${(elapsed / 1000).toFixed(1)} s); ${perSecond(count, cpuMs)} messages per CPU-second\n`,
);

// latency of single messages (the chat judges one turn at a time): p50 / p99 / max over timed
// calls, wall clock and CPU time (on a loaded shared box the wall tail is mostly waiting for a core)
const latencies: number[] = [];
const cpuLatencies: number[] = [];
for (let round = 0; round < 300; round++) {
  for (const conversation of conversations) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    detectEscalation(conversation, {}, defaultEscalationSettings, options);
    latencies.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuLatencies.push((c.user + c.system) / 1000);
  }
}
const quantiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${(at(0.5) * 1000).toFixed(0)} µs, p99 ${(at(0.99) * 1000).toFixed(0)} µs, max ${(sorted[sorted.length - 1] * 1000).toFixed(0)} µs`;
};
process.stdout.write(`latency per message (${latencies.length} messages): wall ${quantiles(latencies)}; CPU ${quantiles(cpuLatencies)}\n`);

if (!rulesOnly) {
  // the model's share: hashing the normalized text and scoring 4 heads (rule signals read beforehand)
  const model = committedModel();
  const prepared = SAMPLES.map((text) => {
    const n = normalizeText(text);
    return { n, rules: ruleFeatures(readRuleSignals(n, defaultEscalationSettings.languages)) };
  });
  let scored = 0;
  const modelCpu = process.cpuUsage();
  const modelStarted = performance.now();
  while (performance.now() - modelStarted < 2000) {
    for (const { n, rules } of prepared) scoreWithModel(model, n, rules);
    scored += prepared.length;
  }
  const ms = (performance.now() - modelStarted) / scored;
  const used = process.cpuUsage(modelCpu);
  const cpuPer = (used.user + used.system) / 1000 / scored;
  process.stdout.write(`model inference: ${(ms * 1000).toFixed(1)} µs per message wall, ${(cpuPer * 1000).toFixed(1)} µs CPU (${scored} messages)\n`);
}

// A chat turn judges the conversation so far: the turn with 4 shopper messages (and the assistant's replies between
// them) after the 3 turns before it, as the chat calls it. Each conversation's texts are its own (a reference number
// makes them unique), so the newest message is always new and only the history can come from the memo.
const CONVERSATIONS = 400;
function turnCost(memo: boolean): { mean: number; p99: number } {
  clearMessageMemo();
  const costs: number[] = [];
  for (let c = 0; c < CONVERSATIONS; c++) {
    const messages: { role: "shopper" | "assistant"; text: string }[] = [];
    for (let k = 0; k < 4; k++) {
      if (k > 0) messages.push({ role: "assistant", text: "Here is what I found." });
      messages.push({ role: "shopper", text: `${SAMPLES[(c * 5 + k * 3) % SAMPLES.length]} (ref ${c}-${k})` });
      const c0 = process.cpuUsage();
      detectEscalation({ messages: [...messages] }, {}, defaultEscalationSettings, { model: options.model, memo });
      const used = process.cpuUsage(c0);
      if (k === 3) costs.push(used.user + used.system);
    }
  }
  const sorted = [...costs].sort((a, b) => a - b);
  return { mean: costs.reduce((a, b) => a + b, 0) / costs.length, p99: sorted[Math.floor(0.99 * sorted.length)] };
}
turnCost(true); // warm-up
const fresh = [turnCost(false), turnCost(false)];
const memoized = [turnCost(true), turnCost(true)];
const show = (runs: { mean: number; p99: number }[]) => runs.map((r) => `mean ${r.mean.toFixed(0)} µs, p99 ${r.p99.toFixed(0)} µs`).join(" | ");
process.stdout.write(`turn with 4 shopper messages, detector CPU per turn (${CONVERSATIONS} conversations, two runs each):\n`);
process.stdout.write(`  every message read afresh: ${show(fresh)}\n  history from the message memo: ${show(memoized)}\n`);
