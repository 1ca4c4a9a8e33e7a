import type { Db } from "~/db.server";
import { parseRoutingSettings } from "~/domain/routing";
import { parseTeamReplySettings, teamReplySettingsSchema, type TeamReplySettings } from "~/email/inbound/team-reply-settings";

/** The shop's team-reply settings, with the escalation recipients (always the team) for context. */
export async function loadTeamReplySettings(db: Db, shop: string): Promise<{ settings: TeamReplySettings; recipients: string[] } | null> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { teamReplies: true, routing: true } });
  if (!row) return null;
  const routing = parseRoutingSettings(row.routing);
  const recipients = [...new Set([...routing.defaultTo, ...routing.ccUrgent, ...routing.routes.flatMap((r) => [...r.to, ...r.cc])])];
  return { settings: parseTeamReplySettings(row.teamReplies), recipients };
}

/** Saves the form (`teamDomains`: comma, space or line separated; `authorName`); a bad domain is named, nothing saved. */
export async function saveTeamReplySettings(
  db: Db,
  shop: string,
  form: FormData,
): Promise<{ ok: true; settings: TeamReplySettings } | { ok: false; invalidDomain: string; publicMailbox: boolean }> {
  const domains = String(form.get("teamDomains") ?? "")
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const parsed = teamReplySettingsSchema.safeParse({ teamDomains: domains, authorName: String(form.get("authorName") ?? "first_name") });
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.path[0] === "teamDomains");
    const index = issue?.path[1];
    return {
      ok: false,
      invalidDomain: typeof index === "number" ? (domains[index] ?? "") : String(form.get("authorName")),
      publicMailbox: issue?.message === "public_mailbox",
    };
  }
  const settings = { ...parsed.data, teamDomains: [...new Set(parsed.data.teamDomains)] };
  await db.shop.update({ where: { domain: shop }, data: { teamReplies: settings } });
  return { ok: true, settings };
}
