import { describe, expect, it } from "vitest";
import { SEED_ORDER, SEED_TRANSCRIPT } from "./fixtures";
import { bestShopperQuote, summarizeCase } from "./summarize-case";
import type { TranscriptLine } from "./types";

const line = (role: TranscriptLine["role"], text: string, i = 0): TranscriptLine => ({ role, text, at: new Date(Date.UTC(2026, 1, 20, 14, i)).toISOString() });

describe("summarizeCase", () => {
  it("quotes the informative shopper messages of the seed case and adds the order state", () => {
    const s = summarizeCase({ transcript: SEED_TRANSCRIPT, reasonText: "Customer reporting non-delivery", order: SEED_ORDER });
    expect(s).toBe(
      "Shopper: “Where is my order #1042? … I never received it though. It says delivered but nothing was at my door.” " +
        "Order #1042 was delivered on Feb 20, 2026. It shipped on Feb 18, 2026 with USPS, tracking number 9400111899223847563.",
    );
  });

  it.each([
    {
      name: "falls back to the reason when the shopper only pressed the button",
      transcript: [line("shopper", "[Pressed “Talk to a person”]"), line("assistant", "Sure, what's your email?"), line("shopper", "me@x.example")],
      reason: "Shopper asked to talk to a person",
      expected: "Shopper asked to talk to a person.",
    },
    {
      name: "no transcript, no reason",
      transcript: [],
      reason: "",
      expected: "The shopper asked to talk to a person.",
    },
    {
      name: "a long rant is trimmed to ~300 characters",
      transcript: [line("shopper", `My parcel was damaged ${"and it is unacceptable ".repeat(30)}`)],
      reason: "Complaint",
      check: (s: string) => {
        expect(s.length).toBeLessThanOrEqual(320);
        expect(s).toMatch(/…”$/);
      },
    },
    {
      name: "prefers the complaint over small talk",
      transcript: [
        line("shopper", "Hello there, hope you are having a lovely day today!", 0),
        line("shopper", "The mug arrived broken.", 1),
        line("shopper", "ok", 2),
      ],
      reason: "Complaint",
      check: (s: string) => expect(s).toContain("The mug arrived broken."),
    },
  ])("$name", ({ transcript, reason, expected, check }) => {
    const s = summarizeCase({ transcript, reasonText: reason, order: null });
    if (expected !== undefined) expect(s).toBe(expected);
    check?.(s);
  });

  // Two friendly messages outweigh a short complaint by length alone; the problem words put it first.
  it.each([
    [
      "es",
      ["¡Hola! Espero que estéis teniendo un día estupendo por allí.", "Encontré vuestra tienda gracias a una amiga, es preciosa."],
      "La taza llegó rota.",
    ],
    [
      "fr",
      ["Bonjour, j'espère que vous passez une excellente journée !", "J'ai découvert votre boutique grâce à une amie, elle est superbe."],
      "Le mug est cassé.",
    ],
    [
      "de",
      ["Hallo, ich hoffe, Sie haben heute einen wunderbaren Tag!", "Ich habe Ihren Laden über eine Freundin gefunden, sehr schön."],
      "Die Tasse ist kaputt.",
    ],
  ])("%s: the problem is quoted, not only the pleasantries", (_lang, friendly, problem) => {
    const transcript = [...friendly, problem, "ok"].map((t, i) => line("shopper", t, i));
    expect(bestShopperQuote(transcript)).toContain(problem);
  });
});
