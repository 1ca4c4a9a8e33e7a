import type { DetectorMessage } from "../escalation";
import { emailsIn, withoutEmails } from "./interpret-message";
import type { MessageMeta } from "./message-meta";
import type { ReplyKey } from "./types";

/** One earlier message of the conversation, decoded (oldest first in a history). */
export interface HistoryMessage {
  role: "shopper" | "assistant";
  text: string;
  /** epoch ms */
  at: number;
  meta: MessageMeta;
}

/** Everything a turn needs from the earlier messages, gathered in one walk over them. */
export interface HistoryReading {
  /** The conversation as the detector reads it: typed addresses are neither mood nor a repeated question. */
  detectorMessages: DetectorMessage[];
  /** The keys of what the assistant said on the previous turn (its trailing messages). */
  previousSaid: ReplyKey[];
  /** Ownership proofs that failed earlier (a mistyped email is forgiven once). */
  failedProofs: number;
  /** The latest assistant message's engine record (the model's confidence, "unhelpful twice"). */
  lastAssistant: MessageMeta | null;
  /** Orders the model looked up in earlier turns (a per-conversation cap counts them). */
  priorLookups: string[];
  /** Addresses the shopper typed earlier (ownership proofs the model's order tool accepts). */
  typedEmails: string[];
  /** The conversation as role and text (the model's context, the case transcript's earlier lines). */
  lines: Array<{ role: "shopper" | "assistant"; text: string }>;
}

/**
 * A turn reads its history twice (the message's context in the shell, then the decision): the second
 * read is the first's result. Histories only grow (a caller may append between turns), so a reading
 * holds for the same array at the same length.
 */
export function readHistory(history: readonly HistoryMessage[]): HistoryReading {
  const known = readings.get(history);
  if (known?.length === history.length) return known.reading;
  const reading = readOnce(history);
  readings.set(history, { length: history.length, reading });
  return reading;
}

const readings = new WeakMap<readonly HistoryMessage[], { length: number; reading: HistoryReading }>();

function readOnce(history: readonly HistoryMessage[]): HistoryReading {
  const reading: HistoryReading = {
    detectorMessages: [],
    previousSaid: [],
    failedProofs: 0,
    lastAssistant: null,
    priorLookups: [],
    typedEmails: [],
    lines: [],
  };
  const lookups = new Set<string>();
  const emails = new Set<string>();
  let trailing: ReplyKey[] = [];
  for (const m of history) {
    reading.lines.push({ role: m.role, text: m.text });
    // A photo's line ("📷 photo-1.jpg") is no words of the shopper's: no mood, no question, no evidence.
    if (m.meta.photo) continue;
    if (m.role === "assistant") {
      reading.lastAssistant = m.meta;
      if (m.meta.proofFailed) reading.failedProofs++;
      for (const id of m.meta.orderLookups ?? []) lookups.add(id);
      trailing.push(...(m.meta.said ?? []));
      if (m.text) reading.detectorMessages.push({ role: "assistant", text: m.text, at: m.at, assistantUnhelpful: m.meta.unhelpful === true });
    } else {
      trailing = [];
      for (const e of emailsIn(m.text)) emails.add(e);
      const said = withoutEmails(m.text);
      if (said) reading.detectorMessages.push({ role: "shopper", text: said, at: m.at, assistantUnhelpful: false });
    }
  }
  reading.previousSaid = trailing;
  reading.priorLookups = [...lookups];
  reading.typedEmails = [...emails];
  return reading;
}
