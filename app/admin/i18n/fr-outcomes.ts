import type { enOutcomes } from "./en-outcomes";

export const frOutcomes: typeof enOutcomes = {
  outcomes: {
    title: "Résultats",
    vsPrevious: (delta: string) => `${delta} par rapport à la période précédente`,
    same: "Comme la période précédente",
    points: (n: string) => `${n} pts`,
    withoutPerson: "Résolues sans une personne",
    withoutPersonHint: (n: string, total: string) => `${n} conversations sur ${total} n’ont pas eu besoin de votre équipe`,
    handoffs: "Transmissions à votre équipe",
    firstReply: "Première réponse de l’équipe",
    firstReplyHint: (n: string) => `habituel, sur ${n} réponses dans le chat`,
    firstReplyNone: "Pas encore de réponse de l’équipe dans le chat",
    resolution: "Délai de résolution",
    resolutionHint: (n: string) => `habituel, sur ${n} dossiers résolus`,
    resolutionNone: "Aucun dossier résolu sur cette période",
    satisfaction: "Jugé utile",
    satisfactionHint: (n: string) => `d’après ${n} avis en un geste dans le chat`,
    satisfactionNone: "Pas encore d’avis : les clients notent les réponses d’un geste dans le chat",
    period: "Période",
    presets: { d7: "7 derniers jours", d30: "30 derniers jours", d90: "90 derniers jours", month: "Ce mois-ci", custom: "Personnalisée" },
    apply: "Appliquer",
    emptyTitle: "Aucune conversation sur cette période",
    emptyBody:
      "Quand des clients discutent sur votre boutique, cette page montre combien l’assistant en a résolu seul, à quelle vitesse votre " +
      "équipe traite les transmissions et si les clients l’ont jugé utile. Activez le chat dans votre thème, puis essayez-le.",
    emptyAction: "Ouvrir la liste de configuration",
  },
};
