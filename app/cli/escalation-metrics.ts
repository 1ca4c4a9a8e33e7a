// Shared scoring of labelled JSONL rows for `eval:escalation` and `train:detector --loso`:
// precision/recall/F1/false-positive rate on unambiguous rows, escalation rate per meta.reason.
import { readFileSync } from "node:fs";

export interface DevRow {
  text: string;
  label: string;
  source_label?: string;
  meta?: { ambiguous?: boolean; reason?: string | null } | null;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function readRows(file: string): DevRow[] {
  const rows: DevRow[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Partial<DevRow>;
    if (typeof row.text === "string") rows.push(row as DevRow);
  }
  return rows;
}

export const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : "-");

export function rates(t: Tally): { p: number; r: number; f1: number; fpr: number } {
  const p = t.tp / (t.tp + t.fp);
  const r = t.tp / (t.tp + t.fn);
  return { p, r, f1: (2 * p * r) / (p + r), fpr: t.fp / (t.fp + t.tn) };
}

export function summary(t: Tally): string {
  const { p, r, f1, fpr } = rates(t);
  return `P=${fmt(p)} R=${fmt(r)} F1=${fmt(f1)} FPR=${fmt(fpr)} (tp=${t.tp} fp=${t.fp} fn=${t.fn} tn=${t.tn})`;
}

/** Key of a row's reason group, e.g. "escalate:anger" or "no_escalate:- (ambiguous)". */
export function reasonKey(row: DevRow): string {
  const gold = row.label === "escalate";
  return `${gold ? "escalate" : "no_escalate"}:${row.meta?.reason ?? "-"}${row.meta?.ambiguous ? " (ambiguous)" : ""}`;
}

export interface Scored {
  tally: Tally;
  /** reason group → [escalated, total] */
  byReason: Map<string, [number, number]>;
}

/** Scores rows with a verdict function (true = escalate). */
export function scoreRows(rows: readonly DevRow[], escalates: (row: DevRow) => boolean): Scored {
  const tally: Tally = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byReason = new Map<string, [number, number]>();
  for (const row of rows) {
    const e = escalates(row);
    const key = reasonKey(row);
    const entry = byReason.get(key) ?? [0, 0];
    entry[1]++;
    if (e) entry[0]++;
    byReason.set(key, entry);
    if (row.meta?.ambiguous) continue;
    const gold = row.label === "escalate";
    if (gold && e) tally.tp++;
    else if (gold) tally.fn++;
    else if (e) tally.fp++;
    else tally.tn++;
  }
  return { tally, byReason };
}
