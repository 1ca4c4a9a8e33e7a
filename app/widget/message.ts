// One chat message as DOM: the text (web links, emails and phone numbers tappable), who wrote it
// (a visible name on the team's replies, a screen-reader prefix otherwise) and when.
import type { ChatMessage } from "./api";
import { shortUrl, splitLinks } from "./text";
import type { PanelContext, Strings } from "./types";

export interface MessageContext {
  h: PanelContext["h"];
  t: Strings;
  locale: string;
  assistantName: string;
}

/** "10:42", or "Dec 4, 10:42" before today, in the shop's language ("" where Intl does not know it). */
export function timeLabel(at: Date, locale: string, now = new Date()): string {
  try {
    const today = at.toDateString() === now.toDateString();
    return at.toLocaleString(locale, today ? { hour: "numeric", minute: "2-digit" } : { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
  } catch {
    return "";
  }
}

export function messageElement(m: ChatMessage, at: Date, { h, t, locale, assistantName }: MessageContext): HTMLElement {
  const team = m.role === "team";
  const name = m.role === "shopper" ? t.you : team ? m.author || t.team : assistantName;
  const el = h(
    "div",
    { class: m.role === "shopper" ? "m u" : team ? "m k" : "m a" },
    team ? h("b", { class: "au" }, name) : h("span", { class: "sr" }, name + ": "),
  );
  for (const part of splitLinks(m.text)) {
    const web = part.href?.startsWith("http");
    // Web links open beside the shop; mailto: and tel: hand over to the phone's mail or dialler.
    const attrs: Record<string, string> = web ? { href: part.href!, target: "_blank", rel: "noopener noreferrer nofollow" } : { href: part.href! };
    el.append(part.href ? h("a", attrs, web ? shortUrl(part.text) : part.text) : part.text);
  }
  if (m.text) el.append(h("time", { class: "tm", datetime: at.toISOString() }, timeLabel(at, locale)));
  return el;
}

/** "Was this helpful?" with Yes and No; one tap answers it (`onRate`), and the question gives way to a thank-you. */
export function ratingPrompt({ h, t }: MessageContext, onRate: (helpful: boolean) => void): HTMLElement {
  const yes = h("button", { type: "button" }, t.yes);
  const no = h("button", { type: "button" }, t.no);
  const box = h("div", { class: "hp", role: "group", "aria-label": t.helpful }, h("span", {}, t.helpful), yes, no);
  const rate = (helpful: boolean) => {
    box.dataset.done = "1";
    box.replaceChildren(h("span", { role: "status" }, t.thanks));
    onRate(helpful);
  };
  yes.onclick = () => rate(true);
  no.onclick = () => rate(false);
  return box;
}

/**
 * The notice under the chat. It ends in a full sentence, so the privacy link follows it plainly; the link
 * travels with the notice's last word (one unbreakable piece), so it never starts a line of its own.
 */
export function noticeElement(h: PanelContext["h"], text: string, privacyUrl: string | null, label: string): HTMLElement {
  const cut = privacyUrl ? text.lastIndexOf(" ") + 1 : text.length;
  const notice = h("p", { class: "nt" }, text.slice(0, cut));
  if (privacyUrl) notice.append(h("span", {}, text.slice(cut) + " ", h("a", { href: privacyUrl, target: "_blank", rel: "noopener" }, label)));
  return notice;
}
