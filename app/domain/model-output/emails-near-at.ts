import { blankEmailsInProse, findEmailsInProse } from "../email/address";

/**
 * Addresses in a model's reply. They used to be read only in windows around each "@" because the
 * address pattern backtracked for seconds on a long run without spaces; the scan is one linear pass
 * now (app/domain/email/address-scan.ts), so the whole text is read and no address is cut short.
 */
export function emailsNearAt(text: string): string[] {
  return findEmailsInProse(text);
}

/** The text with every address in prose replaced by a space. */
export function blankEmailsNearAt(text: string): string {
  return blankEmailsInProse(text);
}
