import { PRIORITIES, type Priority } from "./types";

// Priority is derived, never configured per case: each fired signal has a severity, the highest
// wins, and VIP status or several independent reasons raise it one step.

/** Input to priority derivation: the severity of each fired signal, and context flags. */
export interface PriorityInput {
  escalate: boolean;
  severities: readonly Priority[];
  vip: boolean;
  /** number of distinct non-VIP reasons that fired */
  reasonCount: number;
}

function rank(p: Priority): number {
  return PRIORITIES.indexOf(p);
}

/** Derives the case priority: low when not escalating; otherwise the top severity, raised for VIPs and pile-ups. */
export function derivePriority({ escalate, severities, vip, reasonCount }: PriorityInput): Priority {
  if (!escalate) return "low";
  let level = Math.max(rank("normal"), ...severities.map(rank));
  if (vip) level++;
  if (reasonCount >= 3) level++;
  return PRIORITIES[Math.min(level, PRIORITIES.length - 1)];
}
