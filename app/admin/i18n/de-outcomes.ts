import type { enOutcomes } from "./en-outcomes";

export const deOutcomes: typeof enOutcomes = {
  outcomes: {
    title: "Ergebnisse",
    vsPrevious: (delta: string) => `${delta} gegenüber dem Vorzeitraum`,
    same: "Wie im Vorzeitraum",
    points: (n: string) => `${n} Pkt.`,
    withoutPerson: "Ohne Person gelöst",
    withoutPersonHint: (n: string, total: string) => `${n} von ${total} Gesprächen brauchten Ihr Team nicht`,
    handoffs: "Übergaben an Ihr Team",
    firstReply: "Erste Antwort des Teams",
    firstReplyHint: (n: string) => `typisch, über ${n} Antworten im Chat`,
    firstReplyNone: "Noch keine Antwort des Teams im Chat",
    resolution: "Zeit bis zur Lösung",
    resolutionHint: (n: string) => `typisch, über ${n} gelöste Fälle`,
    resolutionNone: "In diesem Zeitraum wurde kein Fall gelöst",
    satisfaction: "Als hilfreich bewertet",
    satisfactionHint: (n: string) => `aus ${n} Ein-Tipp-Bewertungen im Chat`,
    satisfactionNone: "Noch keine Bewertungen: Kunden bewerten Antworten mit einem Tipp im Chat",
    period: "Zeitraum",
    presets: { d7: "Letzte 7 Tage", d30: "Letzte 30 Tage", d90: "Letzte 90 Tage", month: "Dieser Monat", custom: "Benutzerdefiniert" },
    apply: "Anwenden",
    emptyTitle: "Keine Gespräche in diesem Zeitraum",
    emptyBody:
      "Sobald Kunden in Ihrem Shop chatten, zeigt diese Seite, wie viele Gespräche der Assistent allein gelöst hat, wie schnell Ihr Team " +
      "Übergaben beantwortet und wie hilfreich Kunden es fanden. Aktivieren Sie den Chat in Ihrem Theme und probieren Sie ihn aus.",
    emptyAction: "Einrichtungs-Checkliste öffnen",
  },
};
