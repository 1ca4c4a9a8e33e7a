import { oneOf } from "../../escalation/lexicon/compile";

// Italian hand-off claims (see ../claims.ts).

export const CASE_IT = oneOf(
  "team",
  "caso",
  "ticket",
  "richiesta",
  "segnalazione",
  "pratica",
  "collega",
  "operatore",
  "supporto",
  "assistenza",
  "responsabile",
);

export const HANDOFF_IT: RegExp[] = [
  new RegExp(
    "\\b" +
      oneOf("ho", "abbiamo", "l'ho", "l'abbiamo", "gia") +
      " (?:\\w+ )?" +
      oneOf("inoltrato", "trasferito", "segnalato", "avvisato", "informato", "notificato", "girato", "escalato", "scalato") +
      "\\b",
  ),
  new RegExp(
    "\\b" +
      oneOf("ho", "abbiamo", "l'ho", "l'abbiamo") +
      " (?:\\w+ )?" +
      oneOf("inviato", "passato", "aperto", "creato", "registrato", "comunicato", "contattato") +
      "\\b[^.!?]{0,40}" +
      CASE_IT,
  ),
  new RegExp(
    "\\b" +
      oneOf("e stat[oaie]", "sono stat[oaie]", "e gia stat[oaie]", "viene", "vengono") +
      " (?:\\w+ )?" +
      oneOf("inoltrat", "trasferit", "segnalat", "avvisat", "informat", "notificat", "escalat"),
  ),
  new RegExp(
    CASE_IT + "\\w* (?:\\w+ ){0,3}" + oneOf("e stat[oa]", "e gia stat[oa]", "risulta") + " (?:\\w+ )?" + oneOf("apert", "creat", "registrat", "inviat"),
  ),
  new RegExp(
    "\\b" +
      oneOf(
        "il team",
        "il nostro team",
        "qualcuno",
        "un collega",
        "una collega",
        "un operatore",
        "un'operatrice",
        "il supporto",
        "il personale",
        "l'assistenza",
      ) +
      "\\b[^.!?]{0,30}\\b" +
      oneOf(
        "ti contattera",
        "la contattera",
        "vi contattera",
        "ti ricontattera",
        "la ricontattera",
        "ti rispondera",
        "le rispondera",
        "ti scrivera",
        "le scrivera",
        "si mettera in contatto",
        "e stato informato",
        "e al corrente",
      ),
  ),
  // "La tua pratica è ora nelle mani del nostro team"
  new RegExp(
    "\\b" +
      oneOf("pratica", "richiesta", "caso", "ticket", "segnalazione") +
      "\\b[^.!?]{0,20}\\b" +
      oneOf("e", "si trova") +
      "\\s+(?:ora\\s+|gia\\s+|adesso\\s+)*" +
      oneOf("nelle mani d\\w*", "presso", "con") +
      "\\s+(?:il|la|lo|l'|un|una|nostro|nostra)?\\s*(?:\\w+\\s+)?" +
      oneOf("team", "collega", "operatore", "supporto", "assistenza", "responsabile", "specialista"),
  ),
];
