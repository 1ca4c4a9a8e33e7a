import { describe, expect, it } from "vitest";
import { dayInZone, localeFromAcceptLanguage, makeFormatters, safeCurrency, safeTimeZone, startOfDayInZone } from "./format";

describe("admin formatters", () => {
  const f = makeFormatters({ locale: "en-US", timeZone: "America/New_York", currency: "EUR" });
  it("formats money in the shop's currency and order amounts in their own", () => {
    expect(f.money(1000)).toBe("€1,000.00");
    expect(f.money("214.50", "USD")).toBe("$214.50");
    expect(f.currencySymbol()).toBe("€");
  });
  it("formats dates in the shop's time zone", () => {
    expect(f.date("2026-12-03T03:00:00Z")).toBe("Dec 2, 2026");
    expect(f.dateTime("2026-12-03T15:05:00Z")).toBe("Dec 3, 2026, 10:05 AM");
  });
  it("names a usage month as Shopify does, in the merchant's language", () => {
    expect(f.month("2026-12")).toBe("December 2026");
    expect(makeFormatters({ locale: "es-ES", timeZone: "Pacific/Kiritimati", currency: "EUR" }).month("2026-12")).toBe("Diciembre de 2026");
    expect(makeFormatters({ locale: "de-DE", timeZone: "Pacific/Pago_Pago", currency: "EUR" }).month("2027-01")).toBe("Januar 2027");
    expect(makeFormatters({ locale: "fr-FR", timeZone: "UTC", currency: "EUR" }).month("2026-02")).toBe("Février 2026");
  });
  it("names languages", () => {
    expect(f.language("es")).toBe("Spanish");
    expect(makeFormatters({ locale: "fr-FR", timeZone: "UTC", currency: "EUR" }).language("de")).toBe("Allemand");
  });
  it("explains durations", () => {
    expect(f.duration(45)).toBe("45 s");
    expect(f.duration(150)).toBe("2.5 min");
    expect(f.duration(null)).toBe("—");
  });
  it("rejects what Intl does not accept", () => {
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
    expect(safeCurrency("usd")).toBe("USD");
    expect(localeFromAcceptLanguage("de-CH,de;q=0.9")).toBe("de-CH");
    expect(localeFromAcceptLanguage("!!")).toBe("en-US");
    expect(localeFromAcceptLanguage(null)).toBe("en-US");
  });
  it("finds local days and their start instants, across DST", () => {
    expect(dayInZone(new Date("2026-12-03T03:00:00Z"), "America/New_York")).toBe("2026-12-02");
    expect(startOfDayInZone("2026-12-03", "America/New_York").toISOString()).toBe("2026-12-03T05:00:00.000Z");
    expect(startOfDayInZone("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(startOfDayInZone("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayInZone("2026-12-03", "UTC").toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });
});
