// The panel's part of the photo feature (the rest loads on demand: photo-attach.ts): the attach
// button beside the message box, the tray above it, the on-demand chunk, and a photo inside a chat
// bubble (live or from the history).
import { photoButtonWords } from "./photo-words";
import type { PanelContext } from "./types";

declare const __PHOTOS_FILE__: string;

/** A photo as the server answers an upload and the history lists it (README "Photos"). */
export interface PhotoMessage {
  role: "shopper";
  text: string;
  at: string;
  photo: { id: string; width: number; height: number };
}

export interface PhotoHost {
  h: PanelContext["h"];
  proxy: string;
  locale: string;
  tray: HTMLElement;
  focusInput(): void;
}

export interface PhotoApi {
  pick(): void;
  count(): number;
  /** Photos need a conversation: asks for a few words first. */
  needText(): void;
  /** Sends the picked photos one by one; `show` puts each in the log. False when one failed (the tray says why). */
  upload(conversationId: string, show: (m: PhotoMessage, src: string) => void): Promise<boolean>;
}

const CLIP_ICON = "M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z";
// The panel's share of the styles; the tray's come with the chunk (photo-attach.ts).
const CSS =
  ".pa{display:grid;place-items:center;width:44px;height:44px;padding:0;border:0;border-radius:50%;background:none;color:#303030;cursor:pointer}" +
  ".mi{display:block;max-width:100%;height:auto;margin-bottom:4px;border-radius:8px}";

/**
 * The attach button (put in the composer by the panel), its tray (put above the composer here) and the
 * photo side of sending: `send(text, conversationId)` uploads the picked photos when it can, and says
 * whether the text should go now. Photos need a conversation: with one they go before the text (which
 * is about them); without one the text goes first and starts it, then the panel calls `send("", id)`;
 * with neither, the tray asks for a few words first.
 */
export function photoButton(ctx: PanelContext, input: HTMLElement, show: (m: PhotoMessage) => HTMLElement) {
  const { h, icon, cfg } = ctx;
  const words = photoButtonWords(cfg.locale || "en");
  const button = h("button", { type: "button", class: "pa", "aria-label": words.attach }, icon(CLIP_ICON));
  const tray = h("div", { class: "pt", hidden: "" });
  ctx.root.before(h("style", {}, CSS));
  let loading: Promise<PhotoApi> | undefined;
  let api: PhotoApi | undefined;

  function load(): Promise<PhotoApi> {
    return (loading ||= new Promise<PhotoApi>((resolve, reject) => {
      const g = window as unknown as { BatonChat?: { _f?(mount: (host: PhotoHost) => PhotoApi): void } };
      const panel = document.querySelector('script[src*="baton-chat-panel.js"]') as HTMLScriptElement | null;
      const s = h("script", { src: new URL(__PHOTOS_FILE__, panel?.src || location.href).href, async: "" });
      if (g.BatonChat)
        g.BatonChat._f = (mount) => {
          delete g.BatonChat!._f;
          input.closest("form")?.before(tray);
          resolve((api = mount({ h, proxy: cfg.proxy, locale: cfg.locale || "en", tray, focusInput: () => input.focus() })));
        };
      s.onerror = () => {
        loading = undefined;
        s.remove();
        reject(new Error("baton-chat: photos failed to load"));
      };
      document.head.append(s);
    }));
  }
  button.addEventListener("click", () =>
    load().then(
      (p) => p.pick(),
      () => undefined,
    ),
  );
  const src = (conversationId: string, id: string) =>
    `${cfg.proxy}/chat/photos?conversationId=${encodeURIComponent(conversationId)}&id=${encodeURIComponent(id)}&size=thumb`;

  return {
    button,
    async send(text: string, conversationId: string | undefined): Promise<boolean> {
      if (!api?.count()) return Boolean(text);
      if (!conversationId) {
        if (!text) api.needText();
        return Boolean(text);
      }
      const ok = await api.upload(conversationId, (m, local) => show(m).querySelector(".mi")?.setAttribute("src", local));
      return ok && Boolean(text);
    },
    /** A photo inside its bubble, after the screen-reader name: the image (its own size, so nothing jumps while it loads). */
    decorate(el: HTMLElement, m: object, conversationId: string | undefined): HTMLElement {
      const photo = (m as Partial<PhotoMessage>).photo;
      if (!photo || !conversationId) return el;
      const scale = Math.min(1, 220 / Math.max(photo.width, photo.height));
      const size = (n: number) => String(Math.max(1, Math.round(n * scale)));
      el.firstChild!.after(
        h("img", { class: "mi", src: src(conversationId, photo.id), alt: words.photo, width: size(photo.width), height: size(photo.height) }),
      );
      return el;
    },
  };
}
