// The chat panel, loaded on first open. A non-modal dialog on wide screens (the shopper can click on
// in the page), modal on phones where it covers the page; on both, Tab cycles inside the open panel
// (header → log → input → footer) and Esc closes it, returning focus to the launcher.
import css from "./panel.css?inline";
import type { QuickAction, ReplyPart } from "../domain/conversation/reply-parts";
import { getChat, postRating, streamChat, type ChatError, type ChatMessage, type ChatRequest } from "./api";
import { trapFocus } from "./focus";
import { watchTeamReplies } from "./team-replies";
import { quickActions, renderParts, type PartsContext } from "./parts";
import { showLatestOrder } from "./latest-order";
import { messageElement, noticeElement, ratingPrompt } from "./message";
import { findEmail, fmt, isValidEmail, MAX_MESSAGE } from "./text";
import { photoButton } from "./photo-button";
import type { BatonChatGlobal, ChatState, PanelApi, PanelContext } from "./types";

const CLOSE_ICON = "M6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z";
const SEND_ICON = "M3 20.5 21 12 3 3.5V10l12 2-12 2z";
/** The counter appears only near the limit, where it helps. */
const COUNT_FROM = 1800;

(window as unknown as { BatonChat?: BatonChatGlobal }).BatonChat?._p?.(mount);

function mount(ctx: PanelContext): PanelApi {
  const { cfg, h, icon } = ctx;
  const t = cfg.strings;
  const shadow = ctx.root.getRootNode() as ShadowRoot;

  let conversationId = ctx.load().c;
  let restored = !conversationId;
  let busy = false;
  let restoring: Promise<void> | undefined; // the history put back on open: Enter pressed meanwhile waits for it, not dropped
  let state: ChatState = "open";
  let replyTo: string | undefined;
  let givenEmail: string | undefined;
  let skippedEmail = false;
  let retry: (() => void) | undefined;
  let lastError: ChatError["kind"] | undefined;
  /** ISO time of the newest team message shown, and whether this conversation's answer/hand-off was asked about. */
  let asked: { answer?: HTMLElement; handoff?: HTMLElement } = {};
  const locale = cfg.locale || "en";

  const talk = h("button", { type: "button", class: "t" }, t.talk);
  const close = h("button", { type: "button", class: "x", "aria-label": t.close }, icon(CLOSE_ICON));
  const parts: PartsContext = { h, t, locale: cfg.locale || "en", act };
  const log = h("div", { class: "lg", role: "log", "aria-live": "polite", "aria-label": t.log, tabindex: "0" });
  const status = h("div", { class: "sr", role: "status" });
  const typing = h("div", { class: "ty", "aria-hidden": "true" }, h("i"), h("i"), h("i"));
  // After the hand-off the person button gives way to the case status, with the merchant's reply time.
  const caseText = h("b");
  const again = h("button", { type: "button", class: "lk" }, t.restart);
  const banner = h("div", { class: "bn", role: "status", hidden: "" }, caseText, h("span", {}, cfg.replyTime), again);
  const errorText = h("span");
  const retryButton = h("button", { type: "button", class: "rt" }, t.retry);
  const error = h("div", { class: "er", role: "alert", hidden: "" }, errorText, retryButton);

  const input = h("textarea", { id: "bi", rows: "1", maxlength: String(MAX_MESSAGE), placeholder: t.placeholder, "aria-describedby": "bc" });
  const counter = h("span", { class: "c", id: "bc", hidden: "" });
  const photos = photoButton(ctx, input, (m) => addMessage(m, undefined, false, new Date(m.at)));
  const form = h(
    "form",
    { class: "f" },
    h("label", { for: "bi", class: "sr" }, t.input),
    h("div", { class: "w" }, photos.button, input, h("button", { type: "submit", class: "s", "aria-label": t.send }, icon(SEND_ICON))),
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

  // Identity: the shop's name, and plainly that this is an AI assistant (with the merchant's name for it, if set).
  const who = cfg.shopName && cfg.assistantName !== t.assistant ? `${cfg.assistantName} · ${t.ai}` : t.ai;
  const notice = noticeElement(h, cfg.notice, cfg.privacyUrl, t.privacy);
  const dialog = h(
    "div",
    { class: "p", id: "bp", role: "dialog", "aria-labelledby": "bt", hidden: "" },
    // Two rows, so long words never squeeze each other: name beside close, then who answers beside the person button.
    h(
      "div",
      { class: "h" },
      h("div", { class: "hr" }, h("h2", { id: "bt" }, cfg.shopName || cfg.assistantName), close),
      h("div", { class: "hs" }, h("p", {}, who), talk),
    ),
    banner,
    log,
    status,
    error,
    form,
    emailForm,
    closed,
    notice,
  );
  ctx.root.before(h("style", {}, css));
  // Before the launcher, so from the page Tab reaches the header first.
  ctx.root.prepend(dialog);
  welcome();

  // The empty chat: greeting, suggested questions (the admin's or translated defaults), reply time; a `.qa`, gone with the first message.
  function welcome() {
    addMessage({ role: "assistant", text: cfg.greeting }, undefined, false);
    if (!conversationId) {
      const questions = quickActions([...cfg.quickActions.map((q) => ({ label: q, message: q })), { label: t.talk, action: "talk_to_human" }], parts);
      questions.classList.add("v");
      const wl = log.appendChild(h("div", { class: "qa wl" }, h("p", { class: "wh" }, t.suggested), questions, h("p", { class: "rtm" }, cfg.replyTime)));
      if (cfg.customer) showLatestOrder(cfg.proxy, wl, parts);
    }
  }

  function addMessage(m: ChatMessage, extra?: ReplyPart[], live = false, at = new Date()): HTMLElement {
    const el = photos.decorate(messageElement(m, at, { h, t, locale, assistantName: cfg.assistantName }), m, conversationId);
    log.append(el, ...renderParts(extra, parts, live));
    log.scrollTop = log.scrollHeight;
    return el;
  }

  /** One tap: "Was this helpful?" Yes / No, stored on the server; once answered it is not asked again. */
  function askRating(kind: "answer" | "handoff") {
    // Remembered with the conversation, so a reload (or the next page) does not ask about the same moment again.
    if (!conversationId || asked[kind]?.dataset.done || ctx.load().r?.includes(kind[0]!)) return;
    asked[kind]?.remove();
    const id = conversationId;
    asked[kind] = ratingPrompt({ h, t, locale, assistantName: cfg.assistantName }, (helpful) => {
      field().focus();
      ctx.save({ r: (ctx.load().r || "") + kind[0] });
      postRating(cfg.proxy, { conversationId: id, kind, helpful });
    });
    log.append(asked[kind]!);
    log.scrollTop = log.scrollHeight;
  }

  function dropActions() {
    log.querySelectorAll(".qa").forEach((q) => q.remove());
  }

  /** A quick reply: an ordinary message (whatever is typed in the box stays), or the person button's action. */
  async function act(a: QuickAction) {
    field().focus(); // the pressed button is about to go away
    if (a.action) return talkToHuman();
    if (busy) return;
    const e = await send({ message: a.message || a.label });
    if (e) showError(e, () => act(a));
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
    caseText.textContent = address ? fmt(t.escalated, { email: address }) : t.escalated_generic;
    banner.hidden = next !== "escalated";
    ctx.mark({ k: next === "escalated" }); // the launcher shows an open case, on this page and the next ones
    team.schedule();
    // Asking again would only add noise to the team's email: the case status stands in its place.
    talk.hidden = next === "escalated" || next === "awaiting_email";
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
    // Keys are "error_" + kind, except too_long → error_long.
    errorText.textContent = fmt(t[`error_${e.kind === "too_long" ? "long" : e.kind}`], { s: e.retryAfter || 0 });
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
    // Quick replies belong to the message they answered: gone once the conversation moves on.
    dropActions();
    const bubble = req.message ? addMessage({ role: "shopper", text: req.message }) : undefined;
    log.append(typing);
    log.scrollTop = log.scrollHeight;
    status.textContent = t.typing;
    // The reply appears as the model writes it; screen readers hear only the final message below.
    let draft: HTMLElement | undefined;
    const res = await streamChat(cfg.proxy, { conversationId, locale: cfg.locale || undefined, ...req }, (piece) => {
      if (!draft) {
        typing.remove();
        draft = addMessage({ role: "assistant", text: "" });
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
    res.data.messages.forEach((m, i, all) => {
      addMessage(m, m.parts, i === all.length - 1 && res.data.state === "open");
      // The confirmation names the reply-to address ("…they'll reach you at <email>").
      if (res.data.state === "escalated") replyTo = findEmail(m.text) || replyTo;
    });
    applyState(res.data.state);
    // An answer to a real question (not a hello, not a miss that offers choices) may be rated once.
    const last = res.data.messages[res.data.messages.length - 1];
    const question = (req.message || "").trim().split(/\s+/).length >= 3;
    if (res.data.state === "open" && question && last && !last.parts?.some((p) => p.type === "actions")) askRating("answer");
  }

  async function submitText() {
    await restoring;
    const text = input.value.trim();
    if (busy || !(await photos.send(text, conversationId))) return;
    setInput("");
    const e = await send({ message: text });
    if (e) {
      if (!input.value) setInput(text); // keep the unsent text
      showError(e, submitText);
    } else await photos.send("", conversationId);
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
    if (busy || state === "escalated" || state === "awaiting_email") return;
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
      dropActions();
      res.data.messages.forEach((m, i, all) => addMessage(m, m.parts, i === all.length - 1 && res.data.state === "open", m.at ? new Date(m.at) : undefined));
      setTimeout(() => log.setAttribute("aria-live", "polite"), 100);
      team.note(res.data.messages);
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
    counter.hidden = value.length < COUNT_FROM;
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
  /** A fresh start: the stored conversation is forgotten (the case stays with the team, by email). */
  function startOver() {
    setConversation(undefined);
    replyTo = givenEmail = undefined;
    team.reset();
    asked = {};
    ctx.mark({ k: false, n: false });
    hideError();
    log.replaceChildren();
    welcome();
    applyState("open");
    input.focus();
  }
  restart.addEventListener("click", startOver);
  again.addEventListener("click", startOver);
  addEventListener("online", () => {
    if (lastError === "network" && !busy) retryButton.click();
  });

  trapFocus(dialog, shadow);
  const team = watchTeamReplies({
    proxy: cfg.proxy,
    seen: ctx.load().s || "",
    conversation: () => (state === "escalated" && !busy ? conversationId : undefined),
    hidden: () => dialog.hidden,
    show: (m) => addMessage(m, undefined, false, new Date(m.at!)),
    mark: ctx.mark,
    save: ctx.save,
    replied: () => askRating("handoff"),
  });

  return {
    show(focus) {
      dialog.hidden = false;
      // Looked at: the launcher's "new reply" marker goes, and the newest team message counts as seen.
      ctx.mark({ n: false });
      team.seen();
      team.schedule();
      log.scrollTop = log.scrollHeight;
      if (!restored) restoring = restore();
      if (focus) field().focus();
    },
    hide() {
      dialog.hidden = true;
      team.schedule();
    },
  };
}
