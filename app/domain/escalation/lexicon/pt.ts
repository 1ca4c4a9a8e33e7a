// Portuguese: the words each signal matches (see lexicon.ts for the slots). Accent-free, lower case.
import { oneOf } from "./compile";
import type { Lexicon } from "./lexicon";

export const PT: Lexicon = {
  explicitRequest: {
    requests: [
      "\\b" +
        oneOf("falar", "conversar", "comunicar", "contatar", "contactar", "falo") +
        " (?:com |a |para )?(?:(?:um|uma|o|a|algum|alguma|seu|sua) )*" +
        oneOf(
          "humano",
          "ser humano",
          "pessoa real",
          "pessoa de verdade",
          "pessoa",
          "atendente",
          "agente",
          "operador",
          "operadora",
          "representante",
          "gerente",
          "supervisor",
          "supervisora",
          "alguem",
          "consultor",
          "consultora",
          "funcionario",
        ) +
        "\\b",
      "\\b" +
        oneOf("quero", "preciso de", "gostaria de", "prefiro", "exijo") +
        " (?:falar com )?(?:(?:um|uma|o|a) )*" +
        oneOf("humano", "atendente", "pessoa real", "agente", "operador", "representante", "gerente", "supervisor") +
        "\\b",
      "\\b(?:me transfira|me transfere|me passe|me passa|transfira me|passe me) (?:para|pra|com)\\b",
      "\\batendimento humano\\b",
    ],
    negations: [
      "\\bnao (?:quero|preciso|desejo|e necessario)(?: de)?(?: falar)?(?: com)? (?:um |uma )?" +
        oneOf("humano", "atendente", "pessoa", "agente", "operador") +
        "\\b",
      "\\bsem (?:falar com )?(?:um |uma )?(?:humano|atendente|pessoa|agente)\\b",
    ],
  },
  barePerson: ["atendente"],
  threat: {
    legal: ["advogad[oa]", "processar"],
  },
  sensitive: {
    privacy: ["apagar (?:os )?meus dados"],
  },
  shopObjects: ["encomenda"],
  refundWords: ["reembolso", "devolucao"],
  demandVerbs: ["quero", "gostaria"],
  complaintWords: ["reclamacao"],
  notArrived: ["nao (?:chegou|recebi)"],
  arrivedDamaged: ["chegou (?:quebrado|quebrada|danificado|danificada)"],
  angerWords: { irritado: 0.65, irritada: 0.65, absurdo: 0.6, ridiculo: 0.65 },
  // nouns one edit away from an English typo target, not typos (normalize.ts)
  notTypos: ["pessoa", "contato"],
};
