import { describe, expect, it } from "vitest";
import { MAX_REPLY_CHARS, replyTextOf } from "./reply-text";

const QUOTE = "> Escalation · asked to talk to a person\n> CUSTOMER EMAIL: jo@example.com\n";

describe("replyTextOf: the team's new words only", () => {
  it.each([
    [
      "Gmail (en)",
      `Your refund is on its way.\n\nOn Mon, Dec 7, 2026 at 10:00 AM Baton <escalations@baton.local> wrote:\n${QUOTE}`,
      "Your refund is on its way.",
    ],
    ["Gmail (es)", `Ya está enviado.\n\nEl lun, 7 dic 2026 a las 10:00, Baton <escalations@baton.local> escribió:\n${QUOTE}`, "Ya está enviado."],
    [
      "Outlook block",
      `C'est réglé.\n\nFrom: Baton <escalations@baton.local>\nSent: Monday, December 7, 2026 10:00\nTo: support@x.example\n\n${QUOTE}`,
      "C'est réglé.",
    ],
    ["Original Message", `Erledigt.\n\n-----Original Message-----\nFrom: Baton\n${QUOTE}`, "Erledigt."],
    ["delimited signature", "We will call you today.\n\n-- \nAlex Rivera\nSupport lead", "We will call you today."],
    ["sign-off and name", "Replacement sent.\n\nBest,\nAlex", "Replacement sent."],
    ["name and title without a delimiter", "Replacement sent.\n\nAlex\nSupport team", "Replacement sent."],
    ["German sign-off", "Die Ware ist unterwegs.\n\nViele Grüße\nAnna", "Die Ware ist unterwegs."],
    [
      "a second paragraph of real text stays",
      "First, the refund.\n\nSecond, a 10% code for next time: SORRY10.",
      "First, the refund.\n\nSecond, a 10% code for next time: SORRY10.",
    ],
  ])("%s", (_name, input, expected) => {
    expect(replyTextOf(input, "Alex Rivera")).toBe(expected);
  });

  it("drops invisible and bidirectional control characters, and caps the length", () => {
    expect(replyTextOf("Hi\u202e there\u200b\u0007")).toBe("Hi there");
    const long = replyTextOf("word ".repeat(2_000));
    expect(long.length).toBe(MAX_REPLY_CHARS);
    expect(long.endsWith("…")).toBe(true);
  });

  it("nothing new above the quote is empty", () => {
    expect(replyTextOf(`\n\nOn Mon, Dec 7, 2026 at 10:00 AM Baton <x@y.example> wrote:\n${QUOTE}`)).toBe("");
  });
});
