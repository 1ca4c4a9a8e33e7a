import { describe, expect, it } from "vitest";
import { botQuestionSpans } from "./bot-question";
import { defaultEscalationSettings, detectEscalation } from "./index";
import { normalizeText } from "./normalize";

const judge = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings);

describe("asking whether the assistant is a bot is not a request for a person", () => {
  it.each([
    "am i talking to a human?",
    "Are you a real person?",
    "am i speaking to a real person or a computer",
    "am i chatting with a machine",
    "hi, are you a bot or a human?",
    "is a person typing this?",
    "¿Eres un bot?",
    "Est-ce que je parle à un robot ?",
    "Spreche ich mit einem Menschen?",
  ])("%j is answered, not handed over", (text) => {
    expect(judge(text).reasons).not.toContain("explicit_request");
  });

  it.each([
    "are you a bot? I want a human",
    "I'm talking to a bot, get me a human",
    "are you human? can I talk to someone please",
    "am i talking to a human or a bot because I need help from a person",
    "is there a real person I can talk to",
    "¿Hablo con una persona? Necesito un agente",
    "ich möchte mit einem Menschen sprechen",
    "are you a bot? I want to speak to a supervisor",
  ])("%j still asks for a person", (text) => {
    expect(judge(text).reasons).toContain("explicit_request");
  });

  it.each(["is it machine washable?", "is this real leather?", "is it human hair?", "are you open on sunday?", "is this real?"])(
    "%j is about the product or the shop, not a bot question",
    (text) => {
      expect(botQuestionSpans(normalizeText(text))).toEqual([]);
    },
  );
});
