import type { TranscriptLine } from "../email/types";

/** Who wrote a stored message: anything but the assistant is the shopper's own words. */
export function transcriptRole(role: string): TranscriptLine["role"] {
  return role === "assistant" ? "assistant" : "shopper";
}

/** Stored messages as transcript lines (the one mapping the email, the summary and the model share). */
export function toTranscript(rows: ReadonlyArray<{ role: string; text: string; createdAt: Date }>): TranscriptLine[] {
  return rows.map((m) => ({ role: transcriptRole(m.role), text: m.text, at: m.createdAt.toISOString() }));
}
