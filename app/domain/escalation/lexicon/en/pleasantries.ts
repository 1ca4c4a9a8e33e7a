import type { Lexicon } from "../lexicon";

// English greetings and pleasantries (detect-escalation.ts).
export const EN_PLEASANTRIES: Pick<Lexicon, "pleasantries"> = {
  pleasantries: [
    "hi",
    "hello",
    "hey",
    "hiya",
    "howdy",
    "there",
    "good",
    "morning",
    "afternoon",
    "evening",
    "day",
    "thanks",
    "thank",
    "you",
    "thx",
    "ok",
    "okay",
    "yes",
    "no",
    "please",
    "pls",
    "plz",
    "sure",
    "cool",
    "great",
  ],
};
