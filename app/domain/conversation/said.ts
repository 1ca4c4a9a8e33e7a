import type { ConversationState, ReplyAttachments, ReplyKey, TurnResult } from "./types";

/** One reply and its key: what it says, named so later turns compare keys, never wording. */
export interface Said {
  text: string;
  key: ReplyKey;
}

// Model replies carry no key: the same words from a model are not the engine repeating itself.
export const MODEL_KEY = "";

export function said(text: string, key: ReplyKey): Said {
  return { text, key };
}

/** Several things said in one message ("I'm sorry…" + status + "What's your email?"). */
export function joined(parts: Said[]): Said {
  return { text: parts.map((p) => p.text).join(" "), key: parts.map((p) => p.key).join("+") };
}

export function reply(state: ConversationState, replies: Said[], attachments?: ReplyAttachments): TurnResult {
  return {
    state,
    replies: replies.map((r) => r.text),
    said: replies.map((r) => r.key),
    effects: [],
    unhelpful: false,
    ...(attachments ? { attachments } : {}),
  };
}

export function unhelpful(state: ConversationState, replies: Said[]): TurnResult {
  return { ...reply({ ...state, unhelpfulCount: state.unhelpfulCount + 1 }, replies), unhelpful: true };
}
