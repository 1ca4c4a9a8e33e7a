import { describe, expect, it } from "vitest";
import { adminMessages } from "./i18n";
import { validateSettingsInput } from "./settings.server";

// Settings errors come back in the language the page was sent in; English stays the default.
describe("settings validation messages", () => {
  const input = { routing: { defaultTo: ["not-an-email"] }, retentionDays: 0 };
  const errorsIn = (locale: string) => {
    const result = validateSettingsInput(input, { t: adminMessages(locale), locale });
    if (result.ok) throw new Error("expected errors");
    return result.errors;
  };

  it("English by default", () => {
    const result = validateSettingsInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toMatchObject({ "routing.defaultTo": '"not-an-email" is not a valid email address', retentionDays: "Must be at least 1 day" });
  });

  it.each([
    ["es-ES", "«not-an-email» no es una dirección de correo válida", "Debe ser como mínimo 1 día"],
    ["fr-FR", "« not-an-email » n’est pas une adresse e-mail valide", "Doit être au moins 1 jour"],
    ["de-DE", "„not-an-email“ ist keine gültige E-Mail-Adresse", "Muss mindestens 1 Tag sein"],
  ])("%s", (locale, email, retention) => {
    expect(errorsIn(locale)).toMatchObject({ "routing.defaultTo": email, retentionDays: retention });
  });
});
