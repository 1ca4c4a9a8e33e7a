// The team's replies (history items `{ role: "team" }`) while the case is with the team: the panel
// reads the history again now and then, shows what is new, and marks the launcher when a reply
// arrived while the panel was closed.
import { getChat, type ChatMessage } from "./api";
import type { PanelContext } from "./types";

/** 3 reads a minute with the panel open, 1 with it closed, none while the page is hidden: far inside the
 * per-conversation rate limit that history reads share with messages (30 a minute by default). */
const POLL_OPEN_MS = 20_000;
const POLL_CLOSED_MS = 60_000;

export interface TeamRepliesOptions {
  proxy: string;
  /** ISO time of the newest team message the shopper has seen (stored) */
  seen: string;
  /** the conversation to watch: only while its case is with the team and no turn is running */
  conversation(): string | undefined;
  hidden(): boolean;
  show(m: ChatMessage): void;
  mark: PanelContext["mark"];
  save: PanelContext["save"];
  /** a person has answered: time to ask how the hand-off went */
  replied(): void;
}

export function watchTeamReplies(o: TeamRepliesOptions) {
  let newest = o.seen;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const api = {
    /** Remembers the newest team message among these; marks the launcher when the shopper has not seen it. */
    note(messages: ChatMessage[]) {
      const latest = messages.filter((m) => m.role === "team" && m.at).reduce((a, m) => (m.at! > a ? m.at! : a), "");
      if (!latest) return;
      if (latest > newest && o.hidden()) o.mark({ n: true });
      if (latest > newest) newest = latest;
      if (!o.hidden()) api.seen();
      o.replied();
    },
    /** The panel is in view: the newest team message counts as seen. */
    seen() {
      if (newest) o.save({ s: newest });
    },
    schedule() {
      clearTimeout(timer);
      if (o.conversation()) timer = setTimeout(poll, o.hidden() ? POLL_CLOSED_MS : POLL_OPEN_MS);
    },
    reset() {
      newest = "";
      clearTimeout(timer);
    },
  };

  async function poll() {
    const id = o.conversation();
    if (id && !document.hidden) {
      const res = await getChat(o.proxy, id);
      if (res.ok && id === o.conversation()) {
        const fresh = res.data.messages.filter((m) => m.role === "team" && m.at && m.at > newest);
        fresh.forEach(o.show);
        api.note(fresh);
      }
    }
    api.schedule();
  }

  return api;
}
