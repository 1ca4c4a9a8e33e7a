import { oneOf } from "../../escalation/lexicon/compile";

// French hand-off claims (see ../claims.ts).

export const CASE_FR = oneOf("equipe", "dossier", "ticket", "demande", "reclamation", "conseiller", "collegue", "service client", "support", "responsable");

export const HANDOFF_FR: RegExp[] = [
  new RegExp(
    "\\b" +
      oneOf("j'ai", "nous avons", "je viens de", "nous venons de", "on a", "je l'ai", "nous l'avons", "je vous ai") +
      " (?:bien )?" +
      oneOf(
        "transmis",
        "transmettre",
        "transfere",
        "transferer",
        "escalade",
        "escalader",
        "fait suivre",
        "signale",
        "signaler",
        "prevenu",
        "prevenir",
        "notifie",
        "alerte",
        "remonte",
        "remonter",
        "relaye",
      ) +
      "\\b",
  ),
  new RegExp(
    "\\b" +
      oneOf("j'ai", "nous avons", "je viens d'", "on a") +
      " ?(?:bien )?" +
      oneOf("envoye", "envoyer", "ouvert", "ouvrir", "cree", "creer", "enregistre", "informe", "contacte") +
      "\\b[^.!?]{0,40}" +
      CASE_FR,
  ),
  new RegExp(
    "\\b(?:je|nous) " +
      oneOf(
        "transmets",
        "transmettons",
        "transfere",
        "transferons",
        "escalade",
        "escaladons",
        "signale",
        "signalons",
        "previens",
        "prevenons",
        "fais suivre",
        "faisons suivre",
        "remonte",
        "remontons",
      ) +
      "\\b",
  ),
  new RegExp(
    "\\b" +
      oneOf("a ete", "ont ete", "a bien ete", "ont bien ete", "vient d'etre", "viennent d'etre", "est", "sont") +
      " (?:\\w+ )?" +
      oneOf("transmise?s?", "transferee?s?", "escaladee?s?", "signalee?s?", "prevenue?s?", "informee?s?", "notifiee?s?", "alertee?s?", "remontee?s?") +
      "\\b",
  ),
  new RegExp(
    CASE_FR +
      "\\w* (?:\\w+ ){0,3}" +
      oneOf("a ete", "a bien ete", "est", "vient d'etre") +
      " (?:\\w+ )?" +
      oneOf("ouverte?", "creee?", "enregistree?", "envoyee?"),
  ),
  new RegExp(
    "\\b" +
      oneOf(
        "l'equipe",
        "notre equipe",
        "quelqu'un",
        "un conseiller",
        "une conseillere",
        "un agent",
        "un collegue",
        "une collegue",
        "le service client",
        "le support",
      ) +
      "\\b[^.!?]{0,30}\\b" +
      oneOf(
        "vous contactera",
        "vous recontactera",
        "va vous contacter",
        "reviendra vers vous",
        "vous repondra",
        "vous ecrira",
        "prendra contact",
        "vous appellera",
        "est au courant",
        "est informee?",
        "a ete informee?",
        "a ete prevenue?",
      ),
  ),
  // "Votre demande est maintenant entre les mains de notre équipe"
  new RegExp(
    "\\b" +
      oneOf("dossier", "demande", "requete", "ticket", "reclamation", "message") +
      "\\b[^.!?]{0,20}\\b" +
      oneOf("est", "se trouve") +
      "\\s+(?:maintenant\\s+|desormais\\s+|deja\\s+)*" +
      oneOf("entre les mains d[e']", "chez", "aupres d[e']") +
      "\\s*(?:notre|nos|l'|le|la|un|une)?\\s*(?:\\w+\\s+)?" +
      oneOf("equipe", "conseill", "service", "support", "collegue", "responsable", "specialiste"),
  ),
];
