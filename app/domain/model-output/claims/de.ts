import { oneOf } from "../../escalation/lexicon/compile";

// German hand-off claims (see ../claims.ts).

export const CASE_DE = oneOf("team", "fall", "ticket", "anfrage", "anliegen", "kolleg", "mitarbeiter", "support", "kundenservice", "reklamation", "beschwerde");

export const HANDOFF_DE: RegExp[] = [
  new RegExp(
    "\\b(?:ich|wir) " +
      oneOf("habe", "haben", "hab") +
      " [^.!?]{0,50}" +
      oneOf(
        "weitergeleitet",
        "weitergegeben",
        "eskaliert",
        "ubergeben",
        "informiert",
        "benachrichtigt",
        "gemeldet",
        "verstandigt",
        "bescheid gegeben",
        "bescheid gesagt",
      ) +
      "\\b",
  ),
  new RegExp(
    "\\b(?:ich|wir) " +
      oneOf("habe", "haben", "hab") +
      " [^.!?]{0,50}" +
      CASE_DE +
      "[^.!?]{0,30}" +
      oneOf("gesendet", "geschickt", "erstellt", "eroffnet", "angelegt", "markiert") +
      "\\b",
  ),
  new RegExp(
    "\\b(?:ich|wir) " +
      oneOf(
        "leite",
        "leiten",
        "eskaliere",
        "eskalieren",
        "gebe",
        "geben",
        "melde",
        "melden",
        "informiere",
        "informieren",
        "benachrichtige",
        "benachrichtigen",
        "ubergebe",
        "ubergeben",
      ) +
      "\\b[^.!?]{0,40}\\b(?:weiter|" +
      CASE_DE +
      ")",
  ),
  new RegExp(
    "\\b" +
      oneOf("wurde", "wurden", "ist", "sind", "wird", "werden") +
      " [^.!?]{0,40}" +
      oneOf("weitergeleitet", "weitergegeben", "eskaliert", "ubergeben", "informiert", "benachrichtigt", "verstandigt") +
      "\\b",
  ),
  new RegExp(CASE_DE + "\\w* [^.!?]{0,30}" + oneOf("wurde", "ist", "wird") + " [^.!?]{0,20}" + oneOf("eroffnet", "angelegt", "erstellt", "gemeldet") + "\\b"),
  new RegExp(
    "\\b" +
      oneOf(
        "das team",
        "unser team",
        "jemand",
        "ein mitarbeiter",
        "eine mitarbeiterin",
        "ein kollege",
        "eine kollegin",
        "der support",
        "der kundenservice",
        "das support-team",
      ) +
      "\\b[^.!?]{0,40}\\b(?:wird|werden) [^.!?]{0,30}" +
      oneOf("melden", "kontaktieren", "antworten", "schreiben", "zuruckrufen", "anrufen", "in verbindung setzen", "kummern"),
  ),
  // "Ihr Fall liegt jetzt bei unserem Team"
  new RegExp(
    "\\b" +
      oneOf("fall", "anliegen", "anfrage", "ticket", "reklamation", "beschwerde") +
      "\\b[^.!?]{0,20}\\b" +
      oneOf("liegt", "ist") +
      "\\s+(?:jetzt\\s+|nun\\s+|bereits\\s+|schon\\s+)*" +
      oneOf("bei", "in den handen") +
      "\\s+(?:unserem|unseren|unserer|dem|den|der|einem|einer)\\s+(?:\\w+\\s+)?" +
      oneOf("team", "kolleg", "mitarbeiter", "support", "kundenservice", "spezialist"),
  ),
];
