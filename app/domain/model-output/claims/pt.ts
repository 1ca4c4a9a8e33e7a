import { oneOf } from "../../escalation/lexicon/compile";

// Portuguese hand-off claims (see ../claims.ts).

export const CASE_PT = oneOf(
  "equipe",
  "equipa",
  "caso",
  "ticket",
  "chamado",
  "solicitacao",
  "pedido de suporte",
  "reclamacao",
  "atendente",
  "colega",
  "suporte",
  "responsavel",
);

export const HANDOFF_PT: RegExp[] = [
  new RegExp(
    "\\b" +
      oneOf(
        "encaminhei",
        "encaminhamos",
        "transferi",
        "notifiquei",
        "notificamos",
        "avisei",
        "avisamos",
        "repassei",
        "repassamos",
        "escalei",
        "escalamos",
        "acionei",
        "sinalizei",
      ) +
      "\\b",
  ),
  new RegExp(
    "\\b" +
      oneOf("enviei", "enviamos", "abri", "abrimos", "criei", "criamos", "registrei", "registramos", "informei", "comuniquei", "passei") +
      "\\b[^.!?]{0,40}" +
      CASE_PT,
  ),
  new RegExp(
    "\\b" +
      oneOf("foi", "foram", "ja foi", "esta sendo", "sera") +
      " (?:\\w+ )?" +
      oneOf("encaminhad", "transferid", "notificad", "avisad", "informad", "repassad", "escalad", "acionad"),
  ),
  new RegExp(CASE_PT + "\\w* (?:\\w+ ){0,3}" + oneOf("foi", "ja foi", "esta") + " (?:\\w+ )?" + oneOf("abert", "criad", "registrad", "enviad")),
  new RegExp(
    "\\b" +
      oneOf("a equipe", "a equipa", "nossa equipe", "a nossa equipa", "alguem", "um atendente", "uma atendente", "um colega", "o suporte") +
      "\\b[^.!?]{0,30}\\b" +
      oneOf(
        "entrara em contato",
        "vai entrar em contato",
        "ira contatar",
        "vai te contatar",
        "vai contatar",
        "respondera",
        "vai responder",
        "entrara em contacto",
        "ja esta ciente",
        "foi informad",
        "foi notificad",
      ),
  ),
  // "O seu caso já está com a nossa equipe" (a "pedido" with the team, not with the carrier)
  new RegExp(
    "\\b" +
      oneOf("caso", "pedido", "solicitacao", "chamado", "reclamacao") +
      "\\b[^.!?]{0,20}\\b" +
      oneOf("esta", "fica", "se encontra") +
      "\\s+(?:ja\\s+|agora\\s+)*" +
      oneOf("com", "nas maos d\\w*") +
      "\\s+(?:a|o|um|uma|nossa|nosso|da|do)?\\s*(?:\\w+\\s+)?" +
      oneOf("equipe", "equipa", "suporte", "atendente", "atendimento", "colega", "responsavel", "especialista"),
  ),
];
