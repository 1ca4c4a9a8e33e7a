import type { EscalationTopic, Priority, ReasonCode, ShopperRequest } from "../escalation";
import type { CustomerFacts, OrderFacts } from "../orders";

/** One transcript line as it appears in the email and the admin. */
export interface TranscriptLine {
  role: "shopper" | "assistant";
  text: string;
  /** ISO 8601 timestamp */
  at: string;
}

/** Everything the support team needs about a case (the input of email composition). */
export interface EscalationCaseView {
  caseId: string;
  /**
   * The shop: its language (BCP-47, e.g. Shopify's primary locale "de" or "en-GB"; en, es, fr and
   * de are written, others read English) and IANA time zone for the email's words and times.
   * Missing on views built before they were carried: English and UTC.
   */
  shop: { domain: string; name: string; locale?: string | null; timeZone?: string | null };
  /** Link to the case in the Baton admin. */
  adminCaseUrl: string;
  /** Stable RFC 5322 Message-ID of the case email, with angle brackets: "<case-…@baton.app>". */
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  shopperEmail: string;
  reasons: ReasonCode[];
  reasonText: string;
  priority: Priority;
  confidence: number;
  topic: EscalationTopic;
  /** What the shopper asks the team to do (null: not named; older cases). */
  request?: ShopperRequest | null;
  /** The order the shopper proved they own (null when none was proven). */
  order: OrderFacts | null;
  /** An order the shopper named without proving it: mentioned by name only, no details. */
  mentionedOrderName?: string | null;
  customer: CustomerFacts | null;
  isVip: boolean;
  summary: string;
  transcript: TranscriptLine[];
  /** ISO 8601 time the case was created */
  createdAt: string;
}

/** A composed email, ready for the outbox (transport-independent). */
export interface ComposedEmail {
  from: string;
  to: string[];
  cc: string[];
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** Extra headers, e.g. X-Baton-Case, X-Priority. Values never contain CR/LF. */
  headers: Record<string, string>;
  /** Files sent with it: the shopper's photos on a case email or follow-up (README "Photos"). */
  attachments?: EmailAttachment[];
}

/** A file attached to an email; `filename` is ours (photo-N.jpg), never the shopper's. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}
