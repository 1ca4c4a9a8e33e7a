import { oneOf } from "./lexicon/compile";
import type { NormalizedText } from "./normalize";

// "Am I talking to a human?" asks what the assistant is; it is not a request for a person. The chat
// answers it honestly and offers the team (conversation/transition.ts), so the detector must not hand
// the shopper over for asking. It matched the request rules ("talking to a human") and the model
// (trained on "talk to a real person"), and in chatbot logs and assistant datasets the question is its
// own intent ("bot challenge"), never a hand-off. A request beside it ("are you a bot? I want a human")
// still counts: only a message that is the question alone is set aside.

// After an article anything that names what answers; bare, only words that cannot start a product question
// ("is it machine washable?", "is this real leather?" are about the product), and only as the whole question.
const WHAT = oneOf("human(?: being)?", "person", "people", "bot", "robot", "ai", "machine", "computer", "chat ?bot", "program");
const OR_WHAT = `(?: or (?:a |an )?(?:real |actual )?(?:${WHAT}|fake|real))?`;
const NAMED = `(?:a |an )(?:real |actual |live )?${WHAT}|(?:real |actual |live )${WHAT}`;
const bare = (words: string) => `${oneOf(words)}(?=${OR_WHAT} *$)`;
const WHAT_YOU = `(?:${NAMED}|${bare("human(?: being)?|bot|robot|ai|chat ?bot|automated|real")})${OR_WHAT}`;
const WHAT_THIS = `(?:${NAMED}|${bare("human|bot|robot|ai|chat ?bot|automated")})${OR_WHAT}`;

const QUESTIONS: RegExp[] = [
  // en ("r u" is already "are you" after normalizing)
  new RegExp(`\\bare you(?: really| actually)? ${WHAT_YOU}\\b`, "g"),
  new RegExp(`\\bis (?:this|that|it)(?: chat| service| really| actually)? ${WHAT_THIS}\\b`, "g"),
  new RegExp(`\\b(?:am|are) (?:i|we) (?:talking|speaking|chatting|texting|writing) (?:to|with) ${WHAT_YOU}\\b`, "g"),
  new RegExp(`\\bi am (?:talking|speaking|chatting) (?:to|with) (?:a |an )?${oneOf("bot", "robot", "machine", "computer", "ai", "chat ?bot")}\\b`, "g"),
  new RegExp(`\\bis (?:a |this a |there a )?(?:real )?(?:person|human) (?:typing|writing|answering|reading|on the other end)\\b`, "g"),
  // es
  new RegExp(
    `\\b(?:eres|es esto|esto es|estoy hablando con|hablo con) (?:un |una )?${oneOf("bot", "robot", "humano", "persona(?: real)?", "ia", "maquina")}\\b`,
    "g",
  ),
  // fr
  new RegExp(`\\b(?:es tu|tu es|etes vous|vous etes|c est) (?:un |une )?${oneOf("bot", "robot", "humain", "vraie personne", "ia", "machine")}\\b`, "g"),
  new RegExp(`\\bje parle (?:a|avec) (?:un |une )?${oneOf("bot", "robot", "humain", "vraie personne", "machine", "ia")}\\b`, "g"),
  // de
  new RegExp(`\\b(?:bist du|sind sie|ist das) (?:ein |eine )?${oneOf("bot", "roboter", "mensch", "echter mensch", "ki", "maschine")}\\b`, "g"),
  new RegExp(`\\bspreche ich (?:gerade )?mit (?:einem |einer )?${oneOf("bot", "roboter", "menschen", "echten menschen", "ki", "maschine")}\\b`, "g"),
];

/** Words beside the question that keep it a question ("hi, are you a bot?", "quick question: …"). */
const AT_MOST_BESIDE = 4;
const PERSON_WORDS = new Set([
  "human",
  "person",
  "agent",
  "someone",
  "somebody",
  "representative",
  "rep",
  "operator",
  "staff",
  "team",
  "humano",
  "persona",
  "agente",
  "humain",
  "conseiller",
  "mensch",
  "menschen",
  "mitarbeiter",
]);

/** Where the message asks whether it is talking to a bot or a person, as [start, end) spans of `message.text`. */
export function botQuestionSpans(message: NormalizedText): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of QUESTIONS) {
    // exec over the global pattern itself: matchAll clones the pattern on every call (1–1.6 % of a
    // storefront worker, and a turn asks at least twice).
    pattern.lastIndex = 0;
    for (let m = pattern.exec(message.text); m; m = pattern.exec(message.text)) {
      spans.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return spans;
}

/** The message is only a bot-or-person question: a few words around it at most, none of them asking for a person. */
export function isOnlyBotQuestion(message: NormalizedText): boolean {
  const spans = botQuestionSpans(message);
  if (spans.length === 0) return false;
  let rest = message.text;
  for (const [start, end] of spans) rest = rest.slice(0, start) + " ".repeat(end - start) + rest.slice(end);
  const beside = rest.split(" ").filter(Boolean);
  return beside.length <= AT_MOST_BESIDE && !beside.some((w) => PERSON_WORDS.has(w));
}
