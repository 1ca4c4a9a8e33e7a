import { describe, expect, it } from "vitest";
import { ESCALATION_REASONS, ESCALATION_TOPICS, PRIORITIES } from "~/domain/escalation";
import { SENSITIVITY_PRESETS } from "~/domain/escalation/sensitivity";
import { FIELD_META } from "../settings-fields";
import { SETTINGS_OPTIONS } from "../settings.server";
import { ADMIN_LANGUAGES, adminLanguage, adminMessages } from ".";
import { en } from "./en";
import { polarisTranslations } from "./polaris";

/** A sentence function called with sample values: a count first, or texts only (amounts arrive formatted). */
function sample(fn: (...a: unknown[]) => unknown): unknown {
  try {
    return fn(2, "2", "2", "2");
  } catch {
    return fn("2", "2", "2", "2");
  }
}

/** Every leaf of a catalogue as [path, value]; functions are called with sample values. */
function leaves(node: unknown, path = ""): Array<[string, unknown]> {
  if (typeof node === "function") return [[path, sample(node as (...a: unknown[]) => unknown)]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, node]];
}

describe("admin catalogues", () => {
  const source = leaves(en).map(([p]) => p);

  it.each(ADMIN_LANGUAGES.filter((l) => l !== "en"))("%s has exactly the keys of en, each a non-empty text", (lang) => {
    const entries = leaves(adminMessages(lang));
    expect(entries.map(([p]) => p).sort()).toEqual([...source].sort());
    for (const [path, value] of entries) {
      expect(typeof value, path).toBe("string");
      expect((value as string).trim(), `${lang} ${path}`).not.toBe("");
    }
  });

  it.each(ADMIN_LANGUAGES.filter((l) => l !== "en"))("%s is translated, not copied (most texts differ from en)", (lang) => {
    const ours = new Map(leaves(adminMessages(lang)));
    const same = leaves(en).filter(([p, v]) => ours.get(p) === v);
    expect(same.length / source.length).toBeLessThan(0.1);
  });

  it("names every settings field, reason, topic, priority, tone and preset the pages show", () => {
    expect(Object.keys(en.fields).sort()).toEqual(Object.keys(FIELD_META).sort());
    expect(Object.keys(en.reasons).sort()).toEqual(ESCALATION_REASONS.map((r) => r.code).sort());
    expect(Object.keys(en.topics).sort()).toEqual(ESCALATION_TOPICS.map((t) => t.code).sort());
    expect(Object.keys(en.priorities).sort()).toEqual([...PRIORITIES].sort());
    expect(Object.keys(en.assistant.tones).sort()).toEqual([...SETTINGS_OPTIONS.tones].sort());
    expect(Object.keys(en.triggers.presets).sort()).toEqual(Object.keys(SENSITIVITY_PRESETS).sort());
    // The source repeats the domain's own words, so English pages read exactly as before.
    for (const r of ESCALATION_REASONS) expect(en.reasons[r.code]).toBe(r.label);
    for (const [name, meta] of Object.entries(FIELD_META)) expect(en.fields[name]).toBe(meta.label);
  });
});

describe("adminLanguage", () => {
  it.each([
    ["es", "es"],
    ["es-MX", "es"],
    ["fr-CA", "fr"],
    ["DE", "de"],
    ["pt-BR", "en"],
    ["", "en"],
    [null, "en"],
  ])("%j → %s", (locale, lang) => {
    expect(adminLanguage(locale)).toBe(lang);
  });

  it("gives Polaris its own strings in the same language", () => {
    expect(polarisTranslations("de-AT")).not.toEqual(polarisTranslations("en"));
    expect(polarisTranslations("ja")).toEqual(polarisTranslations("en"));
  });
});
