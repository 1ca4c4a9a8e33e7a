import publicMailboxDomains from "email-providers/common.json";
import { z } from "zod";
import { normalizeEmail } from "~/domain/email/address";

// Mail "from gmail.com" proves nothing about who wrote it: listing a public mailbox service as a team
// domain would let anyone there who learns a case address write into the shopper's chat. The list is the
// `email-providers` package's common free providers (355: Gmail, Outlook, GMX, Orange, …).
const PUBLIC_MAILBOXES = new Set<string>(publicMailboxDomains);

/** A domain anyone can get an address at: not a team domain (list the team's addresses as recipients instead). */
export function isPublicMailboxDomain(domain: string): boolean {
  return PUBLIC_MAILBOXES.has(domain.trim().toLowerCase().replace(/^@/, ""));
}

/**
 * The shop's team-reply settings (`Shop.teamReplies`): which mail counts as the team's beside the
 * escalation recipients, and how a team member is named to the shopper.
 */
const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "not a domain name"))
  .refine((d) => !PUBLIC_MAILBOXES.has(d), "public_mailbox");

export const AUTHOR_NAME_MODES = ["first_name", "full_name", "none"] as const;
export type AuthorNameMode = (typeof AUTHOR_NAME_MODES)[number];

export const teamReplySettingsSchema = z.object({
  /** Mail from any address at these domains is the team's (e.g. the help desk's domain). */
  teamDomains: z.array(domainName).max(20).default([]),
  /** What the shopper sees as the author of a team reply. Default: the first name only. */
  authorName: z.enum(AUTHOR_NAME_MODES).default("first_name"),
});
export type TeamReplySettings = z.output<typeof teamReplySettingsSchema>;

/** The stored settings; a damaged document reads as the defaults rather than failing the mail. */
export function parseTeamReplySettings(stored: unknown): TeamReplySettings {
  const parsed = teamReplySettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : teamReplySettingsSchema.parse({});
}

/** Whether `from` is one of the team's addresses: a listed recipient, or an address at a listed domain. */
export function isTeamAddress(from: string, recipients: readonly string[], settings: TeamReplySettings): boolean {
  const address = normalizeEmail(from);
  if (!address.includes("@")) return false;
  if (recipients.some((r) => normalizeEmail(r) === address)) return true;
  const domain = address.slice(address.lastIndexOf("@") + 1);
  // Settings saved before public mailboxes were refused still do not make a whole public service the team.
  return settings.teamDomains.includes(domain) && !PUBLIC_MAILBOXES.has(domain);
}

/** The author's name as the shop allows it to be shown (null: no name, the widget says "the team"). */
export function authorNameFor(displayName: string | null | undefined, mode: AuthorNameMode): string | null {
  const name = (displayName ?? "")
    .replace(/[\u0000-\u001f\u007f"<>@]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!name || mode === "none") return null;
  const shown = mode === "first_name" ? name.split(" ")[0]! : name;
  return shown.slice(0, 60);
}
