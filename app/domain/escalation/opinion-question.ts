import type { NormalizedText } from "./normalize";

// "is it rude to leave a party early", "would it be weird to call him", "is it bad to eat after 9": a question whether
// an act would be rude, bad or stupid judges that act in the abstract; nobody was rude to the writer and nothing
// broke, so the judging word is neither anger (sentiment.ts) nor a complaint (complaint.ts). Issue 26, fifth pass:
// general assistant questions (CLINC-style, out of scope).
const OPINION_QUESTION_RE = /^ (?:is|was|would) it (?:be )?(?:(?:too|so|very|really|kind of|a bit) )?(\w+) to \w/;

// "isn't it rude to …" and an act done to the writer ("is it ok to keep me waiting") are complaints put as questions.
const DONE_TO_WRITER_RE = /\b(?:me|us)\b/;

/** The word an opinion question judges an act by ("rude" in "is it rude to …"), or undefined. */
export function opinionQuestionWord(message: NormalizedText): string | undefined {
  const m = OPINION_QUESTION_RE.exec(message.text);
  return m && !DONE_TO_WRITER_RE.test(message.text) ? m[1] : undefined;
}
