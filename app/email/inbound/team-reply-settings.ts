import { z } from "zod";
import { normalizeEmail } from "~/domain/email/address";

/**
 * The shop's team-reply settings (`Shop.teamReplies`): which mail counts as the team's beside the
 * escalation recipients, and how a team member is named to the shopper.
 */
const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "not a domain name"));

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
  return settings.teamDomains.includes(domain);
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
