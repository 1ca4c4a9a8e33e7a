/**
 * V8's `--trace-gc` lines of the app's processes, summarized per process: how often each kind of
 * collection ran and how long the main thread stood still for it. A closed-loop client's p99 is the
 * tail of the server's pauses times the queue in front of them, so the longest pauses matter more
 * than their sum.
 *
 *   [31966:0x5f2c…]    12345 ms: Scavenge 61.2 (70.1) -> 45.0 (70.1) MB, 1.23 / 0.00 ms  (average mu = …) allocation failure;
 *   [31966:0x5f2c…]    12400 ms: Mark-Compact (reduce) 98.1 (120.0) -> 80.2 (110.0) MB, 3.10 / 0.00 ms  (+ 20.5 ms in 120 steps …
 */
const LINE = /^\[(\d+):0x[0-9a-f]+\]\s+\d+ ms: (Scavenge|Minor Mark-Compact|Mark-Compact(?: \(reduce\))?|Mark-sweep)[^,]*?, ([\d.]+) \/ [\d.]+ ms/;

export interface GcPauses {
  pid: number;
  /** Per kind: count, total pause, the longest pause (ms). */
  kinds: Map<string, { count: number; totalMs: number; maxMs: number }>;
  pausesMs: number[];
}

export function gcPauses(traceOutput: string): GcPauses[] {
  const byPid = new Map<number, GcPauses>();
  for (const line of traceOutput.split("\n")) {
    const m = LINE.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    const kind = m[2]!.startsWith("Mark-Compact") ? "Mark-Compact" : m[2]!;
    const ms = Number(m[3]);
    const entry: GcPauses = byPid.get(pid) ?? { pid, kinds: new Map(), pausesMs: [] };
    byPid.set(pid, entry);
    const k = entry.kinds.get(kind) ?? { count: 0, totalMs: 0, maxMs: 0 };
    entry.kinds.set(kind, { count: k.count + 1, totalMs: k.totalMs + ms, maxMs: Math.max(k.maxMs, ms) });
    entry.pausesMs.push(ms);
  }
  return [...byPid.values()];
}

/** One line per process: "worker 31966: 612 pauses, 1.1 % of 15 s; Scavenge 600 × (max 2.9 ms), Mark-Compact 12 × (max 6.1 ms); p99 pause 2.4 ms". */
export function describeGcPauses(pauses: GcPauses[], roleOf: (pid: number) => string, seconds: number): string[] {
  return pauses.map((p) => {
    const total = p.pausesMs.reduce((a, b) => a + b, 0);
    const sorted = [...p.pausesMs].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
    const kinds = [...p.kinds].map(([kind, k]) => `${kind} ${k.count} × (total ${k.totalMs.toFixed(0)} ms, max ${k.maxMs.toFixed(1)} ms)`).join(", ");
    return (
      `${roleOf(p.pid)} ${p.pid}: ${p.pausesMs.length} pauses, ${((total / (seconds * 1000)) * 100).toFixed(1)} % of ${seconds} s; ${kinds}; ` +
      `p99 pause ${p99.toFixed(1)} ms`
    );
  });
}
