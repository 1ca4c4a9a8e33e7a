import { deOutcomes } from "./de-outcomes";
import { deWidget } from "./de-widget";
import type { AdminMessages } from "./en";
import { deCasesAndData } from "./de-cases-and-data";

// German ("Sie", as Shopify's German admin). Translated from en.ts, the source.

export const de: AdminMessages = {
  nav: {
    label: "Baton-Verwaltung",
    home: "Start",
    cases: "Fälle",
    analytics: "Analysen",
    settings: "Einstellungen",
    plans: "Tarife",
    demoStore: "Demo-Shop",
    demoInbox: "Demo-Posteingang",
  },
  common: { any: "Alle", remove: "Entfernen", days: "Tage" },
  home: {
    title: (shop) => `Baton — ${shop}`,
    stepsDone: (done, total) => `${done} von ${total} Einrichtungsschritten erledigt`,
    done: "Erledigt",
    toDo: "Offen",
    accessTitle: "Baton kann gerade keine Bestellungen abrufen",
    accessBody: (since) =>
      `Shopify hat Batons Zugriff auf Ihren Shop nicht erneuert (seit ${since}). Der Assistent sagt Kunden ` +
      `daher, dass er Bestellungen nicht prüfen kann, und bietet Ihr Team an. ` +
      "Wenn Sie Baton aus Ihrem Shopify-Adminbereich öffnen, wird die Verbindung erneuert; bleibt diese Meldung, installieren Sie Baton neu.",
    setup: "Einrichtung",
    checklist: "Einrichtungs-Checkliste",
    setupComplete: "Einrichtung abgeschlossen",
    showSteps: "Schritte anzeigen",
    hideSteps: "Schritte ausblenden",
    embedTitle: "Chat in Ihrem Theme aktivieren",
    embedBody: "Öffnen Sie den Theme-Editor mit aktivierter Baton-App-Einbettung und speichern Sie das Theme.",
    openThemeEditor: "Theme-Editor öffnen",
    embedDone: (at) => `Ihr Shop hat am ${at} sein erstes Gespräch begonnen.`,
    embedPending: "Dieser Schritt gilt als erledigt, sobald Ihr Shop ein Gespräch begonnen hat.",
    addressTitle: "Festlegen, wohin Fälle gehen",
    addressDone: (to) => `Fälle gehen an ${to}. `,
    addressMissing: "Noch keine Adresse für Fälle. ",
    editInSettings: "In den Einstellungen ändern",
    testTitle: "Test-E-Mail senden und Eingang prüfen",
    testIntro: "Sendet eine Beispiel-Fall-E-Mail über dieselbe Versandwarteschlange wie echte Fälle.",
    testStatus: { sent: "an Ihren Mailserver zugestellt", pending: "in der Warteschlange", sending: "wird gesendet", failed: "fehlgeschlagen" },
    testLast: (to, status, error) => `Letzte Test-E-Mail an ${to}: ${status}${error ? ` (${error})` : ""}.`,
    sendTest: "Test-E-Mail senden",
    testQueued: (to) => `Test-E-Mail an ${to} in der Warteschlange.`,
    planTitle: "Tarif wählen",
    planNow: (plan, emails) => `Sie nutzen den Tarif ${plan} (${emails} Fall-E-Mails pro Monat).`,
    planNoEmails: (plan) => `Sie nutzen den Tarif ${plan} (keine Fall-E-Mails: Kunden sehen Ihre Kontaktdaten).`,
    seePlans: "Tarife ansehen",
    demoNote: "Lokale Demo: Der Link zum Theme-Editor zeigt auf den Demo-Shop und öffnet keinen echten Shopify-Adminbereich.",
    conversations: (n) => `Gespräche: ${n}`,
    emailsOff: (plan) => `Fall-E-Mails: im Tarif ${plan} aus`,
    emailsUsed: (used, of) => `Fall-E-Mails: ${used} von ${of}`,
    notEmailed: (n) => `Nicht gesendet (Kontingent aufgebraucht): ${n}`,
  },
  usage: {
    choosePlan: "Tarif wählen",
    offTitle: (plan) => `Fall-E-Mails sind im Tarif ${plan} ausgeschaltet`,
    offBody: "Kunden, die eine Person brauchen, sehen stattdessen Ihre Kontaktdaten, und kein Fall erreicht Ihr Team per E-Mail.",
    offShown: (n, shown) => ` Diesen Monat ${n === 1 ? "hat" : "haben"} ${shown} ${n === 1 ? "Kunde" : "Kunden"} Ihre Kontaktdaten gesehen.`,
    usedUpTitle: "Kontingent an Fall-E-Mails aufgebraucht",
    usedUpBody: (used, of, plan) =>
      `${used} von ${of} Fall-E-Mails des Tarifs ${plan} diesen Monat genutzt; weitere Fälle zeigen Kunden bis zum nächsten Monat Ihre Kontaktdaten.`,
  },
  plans: {
    title: "Tarife",
    subtitle: "Fall-E-Mails werden monatlich über Shopify abgerechnet.",
    demoTitle: "Lokale Demo: keine Shopify-Abrechnung",
    demoBody: "Eine Tarifwahl hier ändert den Tarif des Demo-Shops direkt. In einem echten Shop bittet Shopify den Händler zuerst, die Gebühr zu bestätigen.",
    current: "Aktueller Tarif",
    perMonth: "/ Monat",
    noEmails: "Keine Fall-E-Mails: Kunden, die eine Person brauchen, sehen Ihre Kontaktdaten.",
    emailsPerMonth: (n) => `${n} Fall-E-Mails pro Monat`,
    freeIncluded: (n) => `${n} Fall-E-Mails pro Monat kostenlos inklusive; danach sehen Kunden Ihre Kontaktdaten.`,
    trial: (days) => `${days} Tage kostenlos testen`,
    downgrade: (plan) => `Zu ${plan} wechseln`,
    choose: (plan) => `${plan} wählen`,
    monthOff: "Dieser Monat: Fall-E-Mails sind ausgeschaltet.",
    monthUsed: (used, of) => `Dieser Monat: ${used} von ${of} Fall-E-Mails genutzt.`,
    switched: (plan, demo) => `Sie nutzen jetzt den Tarif ${plan}${demo ? " (Demo: direkt geändert)" : ""}`,
    unknownPlan: "Unbekannter Tarif",
    confirmTitle: (plan) => `Zu ${plan} wechseln?`,
    confirmSwitch: (plan) => `Zu ${plan} wechseln`,
    keep: (plan) => `${plan} behalten`,
    stopNow:
      "Fall-E-Mails enden sofort. Kunden, die nach einer Person fragen, sehen stattdessen Ihre Kontaktdaten, und Ihr Team erhält keine Fälle mehr per E-Mail.",
    drops: (from, to, used) =>
      `Ihr Kontingent sinkt von ${from} auf ${to} Fall-E-Mails pro Monat. Sie haben diesen Monat ${used} ` +
      `genutzt; ist das neue Kontingent aufgebraucht, sehen Kunden Ihre Kontaktdaten.`,
    replaced: (plan) => `Ihr ${plan}-Abo wird in der Shopify-Abrechnung ersetzt.`,
    billingNote:
      "Jeder Tarif schickt Ihrem Team die Fälle, die der Assistent übergibt, per E-Mail, bis zu seinem " +
      "Monatskontingent. Bezahltarife rechnet Shopify alle 30 Tage ab.",
  },
  unsaved: {
    leaveTitle: "Seite mit ungespeicherten Änderungen verlassen?",
    leave: "Seite verlassen",
    stay: "Bleiben",
    leaveBody: "Wenn Sie diese Seite verlassen, gehen alle ungespeicherten Änderungen verloren.",
    bar: "Ungespeicherte Änderungen",
    save: "Speichern",
    discard: "Verwerfen",
  },
  settings: {
    title: "Einstellungen",
    subtitle: "Wohin Fälle gehen, wann der Assistent übergibt und wie er spricht.",
    saved: "Einstellungen gespeichert",
    notSaved: (n) => `Einstellungen nicht gespeichert: ${n} ${n === 1 ? "Feld braucht" : "Felder brauchen"} Aufmerksamkeit`,
    nothingSaved: (n) => `Nichts gespeichert: ${n} ${n === 1 ? "Feld braucht" : "Felder brauchen"} Aufmerksamkeit`,
    tabErrors: (tab, n) => `${tab}, ${n} mit Fehlern`,
    applyNote: "Änderungen gelten für den Chat Ihres Shops, sobald Sie speichern.",
    tabs: { escalations: "Fälle", triggers: "Auslöser", assistant: "Assistent", advanced: "Erweitert" },
    privacyTitle: "Datenschutz",
    privacyBody:
      "Der Chat sagt Kunden, dass ein KI-Assistent antwortet, dass Ihr Team das Gespräch lesen kann, wie lange ihr Gerät es speichert und, " +
      "wenn das Sprachmodell aktiv ist, dass ein externer KI-Anbieter ihre Nachrichten verarbeitet. " +
      "Aktivieren Sie in der Baton-Chat-Einbettung des Theme-Editors " +
      "„Externer KI-Anbieter“, sobald das Sprachmodell aktiv ist. Ihre Datenschutzerklärung, auf die der Chat verlinkt, sollte dasselbe sagen.",
    privacyTemplate: "Text für die Datenschutzerklärung zum Anpassen (auf Englisch)",
    privacyPolicies: "Datenschutzerklärung in Shopify bearbeiten",
  },
  escalations: {
    addressesTitle: "Adressen für Fälle",
    addressesDescription: "Wohin Fall-E-Mails gehen. Trennen Sie mehrere Adressen mit Kommas.",
    defaultToHelp: "Gilt, wenn keine Regel unten passt. Bei der Installation mit der Kontakt-E-Mail Ihres Shops ausgefüllt; jederzeit änderbar.",
    ccUrgentHelp: "Erhält bei jedem dringenden Fall eine Kopie.",
    fromNameHelp: "Wird als Absendername angezeigt; die Adresse ist Batons verifizierter Absender.",
    routesTitle: "Weiterleitungsregeln",
    routesDescription:
      "Senden Sie Fälle zu einem Grund, Thema oder einer Priorität an ein anderes Team. Die erste passende Regel " +
      "ersetzt die Standardadressen; weitere Treffer erhalten eine Kopie.",
    rule: (n) => `Regel ${n}`,
    removeRule: (n) => `Regel ${n} entfernen`,
    addRule: "Regel hinzufügen",
    orHigher: (priority) => `${priority} oder höher`,
  },
  triggers: {
    sensitivityTitle: "Empfindlichkeit",
    sensitivityDescription: "Wie bereitwillig der Assistent ein Gespräch an Ihr Team übergibt.",
    sensitivityChoice: "Empfindlichkeit für Fälle",
    presets: {
      relaxed: { label: "Gelassen", description: "Nur klare Anfragen, deutliche Beschwerden und sehr negative Nachrichten erreichen Ihr Team." },
      balanced: { label: "Ausgewogen", description: "Empfohlen. Der Assistent behält Routinefragen und übergibt frustrierte Kunden." },
      watchful: { label: "Aufmerksam", description: "Ihr Team erfährt früh von leichter Frustration und Beschwerden. Rechnen Sie mit mehr Fällen." },
    },
    custom: "Benutzerdefiniert",
    customHelp: "Ihre eigenen Schwellenwerte, unter „Erweitert“ festgelegt.",
    fineTune: "Genaue Schwellenwerte anpassen",
    whenTitle: "Wann übergeben",
    whenDescription: "Jeder Auslöser lässt sich ausschalten. Sensible Themen erreichen immer eine Person, außer Sie haben ein eigenes Verfahren.",
    explicitRequest: "Kunde fragt nach einer Person",
    negativeSentiment: "Stark negative Nachrichten",
    risingFrustration: "Zunehmende Frustration über mehrere Nachrichten",
    complaint: "Beschwerden (nie angekommen, falscher Artikel, beschädigt)",
    threat: "Drohungen (Rückbuchung, rechtliche Schritte, schlechte Bewertung)",
    sensitiveTopic: "Sensible Themen (Datenschutz, Sicherheit, Betrug)",
    repeatedQuestion: "Kunde wiederholt eine Frage",
    repeatedFailure: "Assistent konnte nicht helfen",
    afterTimes: "Nach so vielen Malen",
    oneToTen: "1 bis 10",
    orderState: "Bestellprobleme (zugestellt, aber nicht erhalten, Stornierungen)",
    stalledAfter: "Abwicklung stockt nach",
    oneToNinety: "1 bis 90 Tage",
    authorityLimit: "Erstattungen über dem Limit des Assistenten",
    zeroNeverPromises: "0 bedeutet, dass der Assistent nie Geld verspricht.",
    keyword: "Ihre Stichwörter",
    keywordsHelp: "Eins pro Zeile, zum Beispiel Erstattung, Beschwerde, Anwalt.",
    languages: "Sprachen, in denen der Assistent zuhört",
    languagesSpoken: "Der Chat, seine Schaltflächen und die Fall-E-Mails sprechen diese Sprachen.",
    languagesRecognized:
      "Außerdem erkannt: Baton bemerkt, wenn ein Kunde, der in einer dieser Sprachen schreibt, einen Menschen braucht. " +
      "Die Schaltflächen und eingebauten Antworten des Chats bleiben für ihn auf Englisch.",
    vipTitle: "Bevorzugte Kunden",
    vipDescription: "VIP-Fälle erhalten eine höhere Priorität. Setzen Sie eine Regel auf 0, um sie auszuschalten.",
    vipEnabled: "VIP-Kunden bevorzugt behandeln",
    vipTagsHelp: "Kunden-Tags, durch Kommas getrennt.",
    totalSpent: "Gesamtausgaben mindestens",
    ordersAtLeast: "Bestellungen mindestens",
  },
  assistant: {
    title: "Assistent",
    description: "Wie sich der Chat vorstellt und mit Kunden spricht.",
    tone: "Tonfall",
    tones: { friendly: "Freundlich", neutral: "Neutral", formal: "Förmlich" },
    llm: "Sprachmodell verwenden",
    llmHelp: "Aus: Der eingebaute Assistent antwortet (Begrüßungen, Bestellstatus, Richtlinien, Fälle).",
    llmMissing:
      "Der eingebaute Assistent beantwortet Begrüßungen, Bestellstatus und Richtlinien und übergibt an Ihr Team. " +
      "Optionen für ein Sprachmodell erscheinen, sobald der Betreiber der App eines einrichtet.",
    contactTitle: "Kontaktmöglichkeiten",
    contactDescription:
      "Werden Kunden gezeigt, wenn keine Fall-E-Mail gesendet werden kann: wenn das Kontingent des Tarifs " +
      "aufgebraucht ist oder wenn sie keine E-Mail angeben möchten.",
  },
  advanced: {
    thresholdsTitle: "Genaue Schwellenwerte",
    thresholdsDescription:
      "Die Empfindlichkeitsstufen setzen die ersten drei. Ein Gespräch erhält für jedes Signal 0–100 %; es wird " +
      "übergeben, sobald ein Wert seinen Schwellenwert erreicht. Niedriger heißt früher.",
    combinedHelp: "Gesamtwert aller Signale. Ausgewogen: 55 %.",
    balanced: (pct) => `Ausgewogen: ${pct}`,
    vipLowerHelp: "VIPs werden um diesen Wert früher übergeben; 0 erhöht nur ihre Priorität.",
    confidenceHelp: "Übergeben, wenn das Sprachmodell weniger sicher ist als dieser Wert.",
    retentionTitle: "Datenaufbewahrung",
    retentionDescription: "Gespräche und ihre Fälle werden so lange nach der letzten Nachricht gelöscht.",
    retentionHelp: "1 bis 3.650 Tage",
    abuseTitle: "Missbrauchsgrenzen",
    abuseDescription:
      "Verhindern Sie, dass ein einzelner Besucher Ihr Team überflutet. Über einer Grenze sieht der Kunde " +
      "Ihre Kontaktdaten und der Fall wird als wegen Missbrauchs begrenzt markiert; " +
      "er zählt nicht zum Kontingent Ihres Tarifs. Angemeldete Kunden und Kunden, die eine Bestellung nachgewiesen " +
      "haben, werden nicht nach Adresse begrenzt und erhalten das Vierfache des E-Mail-Limits.",
    defaultN: (n) => `Standard: ${n}`,
    followUpsHelp: "Standard: 10; spätere Nachrichten warten auf die E-Mail des nächsten Tages",
  },
  labels: {
    delivery: {
      queued: "E-Mail in Warteschlange",
      sent: "E-Mail gesendet",
      failed: "E-Mail fehlgeschlagen",
      abandoned: "Keine E-Mail angegeben",
      limited: "Nicht gesendet (Tariflimit)",
      limited_abuse: "Nicht gesendet (wegen Missbrauchs begrenzt)",
    },
    emailStatus: { pending: "In Warteschlange", sending: "Wird gesendet", sent: "Gesendet", failed: "Fehlgeschlagen" },
    open: "Offen",
    resolved: "Gelöst",
  },
  ...deCasesAndData,
  ...deWidget,
  ...deOutcomes,
};
