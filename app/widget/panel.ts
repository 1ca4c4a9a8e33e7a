// The chat panel, loaded on first open. A non-modal dialog on wide screens (the shopper can keep
// browsing; Tab flows on past it); on phones it covers the page, so it becomes modal with a focus trap.
import css from "./panel.css?inline";
import { getChat, streamChat, type ChatError, type ChatRequest } from "./api";
import { h, icon } from "./dom";
import { findEmail, fmt, isValidEmail, MAX_MESSAGE, splitLinks } from "./text";
import type { BatonChatGlobal, ChatState, PanelApi, PanelContext, StringKey } from "./types";

const CLOSE_ICON = "M6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z";
const SEND_ICON = "M3 20.5 21 12 3 3.5V10l12 2-12 2z";
const ERROR_TEXT: Record<ChatError["kind"], StringKey> = {
  network: "error_network",
  server: "error_server",
  rate: "error_rate",
  too_long: "error_long",
  expired: "error_expired",
};

(window as unknown as { BatonChat?: BatonChatGlobal }).BatonChat?._p?.(mount);

function mount(ctx: PanelContext): PanelApi {
  const { cfg } = ctx;
  const t = cfg.strings;
  const shadow = ctx.root.getRootNode() as ShadowRoot;
  const small = matchMedia("(max-width: 480px)");

  let conversationId = ctx.load().c;
  let restored = !conversationId;
  let busy = false;
  let state: ChatState = "open";
  let replyTo: string | undefined;
  let givenEmail: string | undefined;
  let skippedEmail = false;
  let retry: (() => void) | undefined;
  let lastError: ChatError["kind"] | undefined;

  const talk = h("button", { type: "button", class: "t" }, t.talk);
  const close = h("button", { type: "button", class: "x", "aria-label": t.close }, icon(CLOSE_ICON));
  const log = h("div", { class: "lg", role: "log", "aria-live": "polite", "aria-label": t.log, tabindex: "0" });
  const status = h("div", { class: "sr", role: "status" });
  const typing = h("div", { class: "ty", "aria-hidden": "true" }, h("i"), h("i"), h("i"));
  const banner = h("p", { class: "bn", hidden: "" });
  const errorText = h("span");
  const retryButton = h("button", { type: "button", class: "rt" }, t.retry);
  const error = h("div", { class: "er", role: "alert", hidden: "" }, errorText, retryButton);

  const input = h("textarea", { id: "bi", rows: "1", maxlength: String(MAX_MESSAGE), placeholder: t.placeholder, "aria-describedby": "bc" });
  const counter = h("span", { class: "c", id: "bc" }, `0/${MAX_MESSAGE}`);
  const form = h(
    "form",
    { class: "f" },
    h("label", { for: "bi", class: "sr" }, t.input),
    h("div", { class: "w" }, input, h("button", { type: "submit", class: "s", "aria-label": t.send }, icon(SEND_ICON))),
    counter,
  );

  const email = h("input", { id: "be", type: "email", autocomplete: "email", inputmode: "email", spellcheck: "false", "aria-describedby": "bee" });
  const emailError = h("p", { id: "bee", class: "fe", role: "alert" });
  const skip = h("button", { type: "button", class: "lk" }, t.email_skip);
  const emailForm = h(
    "form",
    { class: "e", novalidate: "", hidden: "" },
    h("label", { for: "be" }, t.email_label),
    h("div", { class: "w" }, email, h("button", { type: "submit" }, t.email_send)),
    emailError,
    skip,
  );

  const restart = h("button", { type: "button", class: "nw" }, t.restart);
  const closed = h("div", { class: "cl", hidden: "" }, h("p", {}, t.closed), restart);

  const dialog = h(
    "div",
    { class: "p", id: "bp", role: "dialog", "aria-labelledby": "bt", hidden: "" },
    h("div", { class: "h" }, h("h2", { id: "bt" }, cfg.assistantName), talk, close),
    log,
    status,
    banner,
    error,
    form,
    emailForm,
    closed,
  );
  ctx.root.before(h("style", {}, css));
  ctx.root.append(dialog);
  addMessage("assistant", cfg.greeting);

  function addMessage(role: "shopper" | "assistant", text: string): HTMLElement {
    const el = h("div", { class: role === "shopper" ? "m u" : "m a" }, h("span", { class: "sr" }, (role === "shopper" ? t.you : cfg.assistantName) + ": "));
    for (const part of splitLinks(text)) {
      el.append(part.href ? h("a", { href: part.href, target: "_blank", rel: "noopener noreferrer nofollow" }, part.text) : part.text);
    }
    log.append(el);
    log.scrollTop = log.scrollHeight;
    return el;
  }

  function setConversation(id: string | undefined) {
    conversationId = id;
    ctx.save({ c: id });
  }

  /** The element that should hold focus in the current state. */
  function field(): HTMLElement {
    return !emailForm.hidden ? email : !form.hidden ? input : restart;
  }

  function applyState(next: ChatState) {
    const focusWasInside = dialog.contains(shadow.activeElement);
    if (next !== "awaiting_email") skippedEmail = false;
    const prev = state;
    state = next;
    const address = replyTo || givenEmail || cfg.customer?.email;
    banner.textContent = address ? fmt(t.escalated, { email: address }) : t.escalated_generic;
    banner.hidden = next !== "escalated";
    emailForm.hidden = next !== "awaiting_email" || skippedEmail;
    form.hidden = !emailForm.hidden || next === "closed";
    closed.hidden = next !== "closed";
    if (!emailForm.hidden && !email.value && cfg.customer) email.value = cfg.customer.email;
    const active = shadow.activeElement as HTMLElement | null;
    // The assistant has just asked for an email: take the shopper (keyboard users too) to the field.
    const asked = next === "awaiting_email" && prev !== next && !emailForm.hidden;
    if (focusWasInside && (asked || !active || active.closest("[hidden]"))) field().focus();
    log.scrollTop = log.scrollHeight; // the form below may have grown (email field, banner)
  }

  function showError(e: ChatError, again: () => void) {
    lastError = e.kind;
    retry = again;
    errorText.textContent = fmt(t[ERROR_TEXT[e.kind]], { s: e.retryAfter || 0 });
    retryButton.hidden = e.kind === "too_long"; // the text is back in the box to shorten
    retryButton.disabled = e.kind === "rate";
    if (e.kind === "rate") setTimeout(() => (retryButton.disabled = false), (e.retryAfter || 5) * 1000);
    error.hidden = false;
  }

  function hideError() {
    error.hidden = true;
    lastError = retry = undefined;
  }

  /** One turn with the server. Returns the error, or undefined when the reply has been shown. */
  async function send(req: ChatRequest): Promise<ChatError | undefined> {
    busy = true;
    hideError();
    const bubble = req.message ? addMessage("shopper", req.message) : undefined;
    log.append(typing);
    log.scrollTop = log.scrollHeight;
    status.textContent = t.typing;
    // The reply appears as the model writes it; screen readers hear only the final message below.
    let draft: HTMLElement | undefined;
    const res = await streamChat(cfg.proxy, { conversationId, ...req }, (piece) => {
      if (!draft) {
        typing.remove();
        draft = addMessage("assistant", "");
        draft.setAttribute("aria-hidden", "true");
      }
      draft.append(piece);
      log.scrollTop = log.scrollHeight;
    });
    draft?.remove();
    typing.remove();
    status.textContent = "";
    busy = false;
    if (!res.ok) {
      bubble?.remove();
      // The server no longer knows this conversation: the retry starts a new one.
      if (res.error.kind === "expired") setConversation(undefined);
      return res.error;
    }
    setConversation(res.data.conversationId);
    for (const m of res.data.messages) {
      addMessage("assistant", m.text);
      // The confirmation names the reply-to address ("…they'll reach you at <email>").
      if (res.data.state === "escalated") replyTo = findEmail(m.text) || replyTo;
    }
    applyState(res.data.state);
  }

  async function submitText() {
    const text = input.value.trim();
    if (!text || busy) return;
    setInput("");
    const e = await send({ message: text });
    if (e) {
      if (!input.value) setInput(text); // keep the unsent text
      showError(e, submitText);
    }
  }

  async function submitEmail() {
    const value = email.value.trim();
    if (busy) return;
    if (!isValidEmail(value)) {
      email.setAttribute("aria-invalid", "true");
      emailError.textContent = t.email_invalid;
      email.focus();
      return;
    }
    email.removeAttribute("aria-invalid");
    emailError.textContent = "";
    givenEmail = value;
    const e = await send({ message: value });
    if (e) showError(e, submitEmail);
  }

  async function talkToHuman() {
    if (busy) return;
    const e = await send({ action: "talk_to_human" });
    if (e) showError(e, talkToHuman);
  }

  async function restore() {
    if (!conversationId || busy) return;
    busy = true;
    hideError();
    status.textContent = t.loading;
    const res = await getChat(cfg.proxy, conversationId);
    busy = false;
    status.textContent = "";
    if (res.ok) {
      restored = true;
      replyTo = res.data.replyTo;
      // Restored history is not news: keep the live region quiet while it is put back.
      log.setAttribute("aria-live", "off");
      for (const m of res.data.messages) addMessage(m.role, m.text);
      setTimeout(() => log.setAttribute("aria-live", "polite"), 100);
      applyState(res.data.state);
    } else if (res.error.kind === "expired") {
      restored = true;
      setConversation(undefined);
    } else {
      showError(res.error, restore);
      errorText.textContent = t.error_history;
    }
  }

  function setInput(value: string) {
    input.value = value;
    counter.textContent = `${value.length}/${MAX_MESSAGE}`;
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 120) + "px";
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submitText();
  });
  input.addEventListener("input", () => setInput(input.value));
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submitText();
    }
  });
  emailForm.addEventListener("submit", (e) => {
    e.preventDefault();
    submitEmail();
  });
  email.addEventListener("input", () => {
    if (email.hasAttribute("aria-invalid") && isValidEmail(email.value.trim())) {
      email.removeAttribute("aria-invalid");
      emailError.textContent = "";
    }
  });
  skip.addEventListener("click", () => {
    skippedEmail = true;
    applyState(state);
    input.focus();
  });
  talk.addEventListener("click", talkToHuman);
  close.addEventListener("click", ctx.close);
  retryButton.addEventListener("click", () => {
    const again = retry;
    hideError();
    field().focus();
    again?.();
  });
  restart.addEventListener("click", () => {
    setConversation(undefined);
    replyTo = givenEmail = undefined;
    hideError();
    log.replaceChildren();
    addMessage("assistant", cfg.greeting);
    applyState("open");
    input.focus();
  });
  addEventListener("online", () => {
    if (lastError === "network" && !busy) retryButton.click();
  });

  // Phones: the panel covers the page, so it is modal there and Tab stays inside.
  const syncModal = () => (small.matches ? dialog.setAttribute("aria-modal", "true") : dialog.removeAttribute("aria-modal"));
  small.addEventListener("change", syncModal);
  syncModal();
  dialog.addEventListener("keydown", (e) => {
    if (e.key !== "Tab" || !small.matches) return;
    const items = [...dialog.querySelectorAll<HTMLElement>("button,textarea,input,a[href],[tabindex='0']")].filter(
      (el) => !el.closest("[hidden]") && !(el as HTMLButtonElement).disabled,
    );
    const active = shadow.activeElement;
    const target = e.shiftKey ? (active === items[0] ? items[items.length - 1] : null) : active === items[items.length - 1] ? items[0] : null;
    if (target) {
      e.preventDefault();
      target.focus();
    }
  });

  return {
    show(focus) {
      dialog.hidden = false;
      log.scrollTop = log.scrollHeight;
      if (!restored) restore();
      if (focus) field().focus();
    },
    hide() {
      dialog.hidden = true;
    },
  };
}
