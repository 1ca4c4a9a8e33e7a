// Usage: npm run detect -- FILE.jsonl   (or "-" / no argument for stdin)
// Prints one JSON line per input row, in order: {"escalate","reasons","priority","confidence"}.
// Each row's `text` is treated as the first shopper message of a new conversation with default
// settings, an empty context and no LLM. Blank or invalid rows still get a line (escalate false).
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { defaultEscalationSettings, detectEscalation } from "../domain/escalation";

const NOT_ESCALATED = JSON.stringify({ escalate: false, reasons: [], priority: "low", confidence: 1 });

function judge(line: string): string {
  let text: unknown;
  try {
    text = (JSON.parse(line) as { text?: unknown } | null)?.text;
  } catch {
    return NOT_ESCALATED;
  }
  if (typeof text !== "string" || text.trim() === "") return NOT_ESCALATED;
  const d = detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings);
  return JSON.stringify({ escalate: d.escalate, reasons: d.reasons, priority: d.priority, confidence: d.confidence });
}

async function main(): Promise<void> {
  const file = process.argv[2];
  const input = !file || file === "-" ? process.stdin : createReadStream(file, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let buffer: string[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join("\n") + "\n";
    buffer = [];
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  };
  for await (const line of lines) {
    // a trailing newline at end of file is not a row; every other line (even blank) gets an answer
    buffer.push(judge(line));
    if (buffer.length >= 512) await flush();
  }
  await flush();
}

main().catch((error: unknown) => {
  process.stderr.write(`detect: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
