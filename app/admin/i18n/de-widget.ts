import type { enWidget } from "./en-widget";

export const deWidget: typeof enWidget = {
  widgetWords: {
    title: "Chat-Widget",
    description: "Was der Chat in Ihrem Shop sagt. Es erreicht Ihr Theme, sobald Sie speichern; Position, Farben und Startknopf bleiben im Theme-Editor.",
    greetingHelp:
      "Die erste Nachricht, die Kunden sehen, und die Antwort auf ihr Hallo. Behalten Sie die Vorgabe, damit sie in der Sprache jedes Kunden erscheint.",
    quickActionsHelp:
      "Eine pro Zeile, höchstens 4. Kunden tippen eine an, um sie zu stellen. " +
      "Leer: Bestellung verfolgen, Rücksendungen und Erstattungen, Lieferzeiten, in ihrer Sprache.",
    replyTimeHelp:
      "Unter den Vorschlagsfragen und sobald ein Fall bei Ihrem Team ist. Leer: „Unser Team antwortet in der Regel innerhalb eines Tages“, übersetzt.",
    preview: "Vorschau",
    previewNote: "Der leere Chat, wie ein Kunde ihn in der Sprache dieser Seite sieht.",
    notPublished: "Einstellungen gespeichert, aber der Chat in Ihrem Shop konnte noch nicht aktualisiert werden. Speichern Sie in einer Minute erneut.",
  },
};
