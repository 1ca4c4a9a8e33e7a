/** What the storefront chat accepts from a shopper before a turn runs: normalized text, well-formed ids. */

// C0/C1 controls except tab and newline (CR is folded into LF), and the bidi embedding/override/
// isolate controls that can make text read differently than it is stored (CVE-2021-42574).
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shopper text as stored: well-formed UTF-16 (a lone surrogate becomes U+FFFD, which is what
 * UTF-8 storage would do anyway, but now the length check sees it), CRLF/CR → LF, control and bidi
 * override characters replaced by U+FFFD. Replaced, not removed: "sa\u0000rah@x.com" must not
 * silently become the different address "sarah@x.com" (nor, with a space, "rah@x.com"); with a
 * visible U+FFFD it fails email validation and the assistant asks again. Emoji, ZWJ sequences and
 * right-to-left scripts are untouched.
 */
export function normalizeShopperText(value: string): string {
  return toWellFormed(value).replace(/\r\n?/g, "\n").replace(UNSAFE_TEXT, "\ufffd");
}

function toWellFormed(value: string): string {
  const native = (value as { toWellFormed?: () => string }).toWellFormed;
  if (native) return native.call(value);
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** Conversation ids are base64url (see README); anything else cannot name a conversation. */
export function isWellFormedConversationId(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,200}$/.test(value);
}
