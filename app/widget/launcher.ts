// The only script a storefront page loads up front: a launcher button in a shadow root. No network
// until the shopper first opens the chat; then the panel chunk loads from next to this file.
import css from "./launcher.css?inline";
import { readableTextOn } from "./color";
import { parseConfig } from "./config";
import { h, icon } from "./dom";
import { browserStorage, createStore, storageKey } from "./storage";
import type { BatonChatGlobal, PanelApi, PanelContext, StoredState } from "./types";

/** `baton-chat-panel.js?v=<content hash>`, injected by build.ts. */
declare const __PANEL_FILE__: string;

const CHAT_ICON = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2zm3 6v2h10V9zm0-3v2h10V6zm0 6v2h6v-2z";

const w = window as unknown as { BatonChat?: BatonChatGlobal };

if (w.BatonChat) {
  // Loaded twice (two embeds, or a theme that re-runs scripts after swapping the page): one widget only.
  w.BatonChat.attach();
} else {
  const script = (document.currentScript || document.querySelector('script[src*="baton-chat.js"]')) as HTMLScriptElement | null;
  const boot = () => {
    const cfg = parseConfig(document.getElementById("baton-chat-config")?.textContent);
    if (cfg && script) start(cfg, script.src);
  };
  // Shopify injects this file for the block's schema "javascript" key (deferred, so the config in
  // <body> exists by now); should it ever run earlier, wait for the document rather than give up.
  if (document.readyState === "loading" && !document.getElementById("baton-chat-config")) document.addEventListener("DOMContentLoaded", boot);
  else boot();
}

function start(cfg: NonNullable<ReturnType<typeof parseConfig>>, src: string) {
  const store = createStore(cfg.shop, cfg.customer?.id || "", cfg.rememberDays, browserStorage("localStorage"), browserStorage("sessionStorage"));
  const load = store.load;
  const key = storageKey(cfg.shop);
  const save = (patch: StoredState) => store.save(patch);

  const host = document.createElement("baton-chat");
  const shadow = host.attachShadow({ mode: "open" }); // open so axe and tests can see in; isolation is the same
  const root = h("div", { class: cfg.position === "left" ? "r l" : "r", lang: cfg.locale || "en" });
  const button = h("button", { type: "button", class: "b", "aria-expanded": "false", "aria-haspopup": "dialog" }, icon(CHAT_ICON), cfg.launcherLabel);
  // The accent was validated as #rrggbb by parseConfig, so it cannot inject CSS.
  shadow.append(h("style", {}, css + `:host{--a:${cfg.accent};--at:${readableTextOn(cfg.accent)}}`), root);
  const dot = h("span", { class: "dt", hidden: "" });
  button.append(dot);
  root.append(button);

  // Markers: a case with the team (remembered on this device), a team reply not seen yet (brighter).
  // The label says it too, starting with the visible text, so voice control still finds the button.
  const marks = { k: !!load().k, n: false };
  function mark(m: { k?: boolean; n?: boolean }) {
    if (m.k !== undefined && m.k !== marks.k) save({ k: m.k });
    Object.assign(marks, m);
    dot.hidden = !marks.k && !marks.n;
    dot.className = marks.n ? "dt n" : "dt";
    const extra = marks.n ? cfg.strings.new_reply : marks.k ? cfg.strings.case_open : "";
    if (extra) button.setAttribute("aria-label", `${cfg.launcherLabel}, ${extra}`);
    else button.removeAttribute("aria-label");
  }
  mark({});

  let panel: PanelApi | undefined;
  let loading: Promise<PanelApi> | undefined;
  let isOpen = false;

  const api: BatonChatGlobal = { open: () => setOpen(true, true), close: () => setOpen(false, true), toggle: () => setOpen(!isOpen, true), attach };
  w.BatonChat = api;

  const ctx: PanelContext = { cfg, root, launcher: button, load, save, close: api.close, mark, h, icon };

  function loadPanel(): Promise<PanelApi> {
    return (loading ||= new Promise<PanelApi>((resolve, reject) => {
      // A classic script, not import(): CDN assets need no CORS headers this way.
      const s = h("script", { src: new URL(__PANEL_FILE__, src).href, async: "" });
      api._p = (mount) => {
        delete api._p;
        resolve(mount(ctx));
      };
      s.onerror = () => {
        loading = undefined;
        s.remove();
        reject(new Error("baton-chat: panel failed to load"));
      };
      document.head.append(s);
    }));
  }

  async function setOpen(open: boolean, focus: boolean) {
    if (open === isOpen) return;
    isOpen = open;
    if (open) {
      button.setAttribute("aria-busy", "true");
      try {
        panel = await loadPanel();
      } catch {
        isOpen = false; // a later click retries the download
        return;
      } finally {
        button.removeAttribute("aria-busy");
      }
      if (!isOpen) return; // closed again while loading
      button.setAttribute("aria-controls", "bp");
      panel.show(focus);
    } else {
      panel?.hide();
    }
    button.setAttribute("aria-expanded", String(open));
    root.classList.toggle("o", open);
    save({ o: open });
    if (!open && focus) button.focus(); // after .o is removed: on phones the launcher is hidden while open
  }

  button.addEventListener("click", () => setOpen(!isOpen, true));
  shadow.addEventListener("keydown", (e) => {
    if ((e as KeyboardEvent).key === "Escape" && isOpen) {
      e.stopPropagation();
      setOpen(false, true);
    }
  });

  // Themes that swap pages without a reload (or replace <body>) drop our host: put it back, same
  // element and shadow root, so an open conversation carries on untouched.
  let watched: HTMLElement | undefined;
  const observer = new MutationObserver(attach);
  function attach() {
    for (const stray of document.querySelectorAll("baton-chat")) if (stray !== host) stray.remove(); // clones from page snapshots
    if (!host.isConnected) document.body.append(host);
    if (watched !== document.body) {
      watched = document.body;
      observer.disconnect();
      observer.observe(document.documentElement, { childList: true });
      observer.observe(watched, { childList: true });
    }
  }
  attach();

  if (load().o)
    setOpen(true, false); // it was open on the previous page: reopen without stealing focus
  else if (marks.k) checkReplies();

  // A returning shopper with a case open: one history read after the page has loaded (at most one a
  // minute per tab, however fast they browse) tells whether the team has replied since they last looked.
  function checkReplies() {
    const stamp = key + ":checked";
    const tab = browserStorage("sessionStorage");
    if (Date.now() - Number(tab?.getItem(stamp) || 0) < 60_000) return;
    const { c, s = "" } = load();
    const later = (run: () => void) => (document.readyState === "complete" ? run() : addEventListener("load", run));
    later(() =>
      setTimeout(() => {
        try {
          tab?.setItem(stamp, String(Date.now()));
        } catch {
          /* storage full or blocked: check anyway */
        }
        fetch(`${cfg.proxy}/chat?conversationId=${encodeURIComponent(c || "")}`, { credentials: "same-origin", headers: { accept: "application/json" } })
          .then((r) => (r.ok ? r.json() : null))
          .then((b: { messages?: Array<{ role?: string; at?: string }> } | null) => {
            if (!isOpen && b?.messages?.some((m) => m.role === "team" && (m.at || "") > s)) mark({ n: true });
          })
          .catch(() => undefined);
      }, 1500),
    );
  }
}
