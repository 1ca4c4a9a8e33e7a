import { describe, expect, it } from "vitest";
import { defaultEscalationSettings, detectEscalation } from "./index";

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
  ])("%j still asks for a person", (text) => {
    expect(judge(text).reasons).toContain("explicit_request");
  });
});
