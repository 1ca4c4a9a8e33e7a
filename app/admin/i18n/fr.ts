import { frOutcomes } from "./fr-outcomes";
import { frWidget } from "./fr-widget";
import type { AdminMessages } from "./en";
import { frCasesAndData } from "./fr-cases-and-data";

// French ("vous"; a space before : ; ! ? and %, as French typography wants). Translated from en.ts.

export const fr: AdminMessages = {
  nav: {
    label: "Administration Baton",
    home: "Accueil",
    cases: "Dossiers",
    analytics: "Statistiques",
    settings: "Paramètres",
    plans: "Forfaits",
    demoStore: "Boutique démo",
    demoInbox: "Boîte de réception démo",
  },
  common: { any: "Tous", remove: "Supprimer", days: "jours" },
  home: {
    title: (shop) => `Baton — ${shop}`,
    stepsDone: (done, total) => `${done} étape${done < 2 ? "" : "s"} de configuration sur ${total} terminée${done < 2 ? "" : "s"}`,
    done: "Terminé",
    toDo: "À faire",
    accessTitle: "Baton ne peut pas consulter les commandes pour le moment",
    accessBody: (since) =>
      `Shopify n’a pas renouvelé l’accès de Baton à votre boutique (depuis le ${since}) : l’assistant ` +
      `indique aux clients qu’il ne peut pas vérifier les commandes et leur propose votre équipe. ` +
      "Ouvrir Baton depuis votre interface Shopify le reconnecte ; si ce message reste affiché, réinstallez Baton.",
    setup: "Configuration",
    checklist: "Liste de configuration",
    setupComplete: "Configuration terminée",
    showSteps: "Afficher les étapes",
    hideSteps: "Masquer les étapes",
    embedTitle: "Activez le chat dans votre thème",
    embedBody: "Ouvrez l’éditeur de thème avec l’intégration d’app Baton activée, puis enregistrez le thème.",
    openThemeEditor: "Ouvrir l’éditeur de thème",
    embedDone: (at) => `Votre boutique a lancé sa première conversation le ${at}.`,
    embedPending: "Cette étape est marquée terminée dès que votre boutique a lancé une conversation.",
    addressTitle: "Indiquez où envoyer les dossiers",
    addressDone: (to) => `Les dossiers sont envoyés à ${to}. `,
    addressMissing: "Aucune adresse pour les dossiers pour l’instant. ",
    editInSettings: "Modifier dans les paramètres",
    testTitle: "Envoyez un e-mail de test et vérifiez qu’il arrive",
    testIntro: "Envoie un exemple d’e-mail de dossier par la même file d’envoi que les vrais dossiers.",
    testStatus: { sent: "remis à votre serveur de messagerie", pending: "en file d’attente", sending: "en cours d’envoi", failed: "échec" },
    testLast: (to, status, error) => `Dernier e-mail de test à ${to} : ${status}${error ? ` (${error})` : ""}.`,
    sendTest: "Envoyer un e-mail de test",
    testQueued: (to) => `E-mail de test mis en file d’attente pour ${to}.`,
    planTitle: "Choisissez un forfait",
    planNow: (plan, emails) => `Vous avez le forfait ${plan} (${emails} e-mails de dossier par mois).`,
    planNoEmails: (plan) => `Vous avez le forfait ${plan} (aucun e-mail de dossier : les clients voient vos coordonnées).`,
    seePlans: "Voir les forfaits",
    demoNote: "Démo locale : le lien vers l’éditeur de thème vise la boutique démo et n’ouvre pas une vraie interface Shopify.",
    conversations: (n) => `Conversations : ${n}`,
    emailsOff: (plan) => `E-mails de dossier : désactivés avec le forfait ${plan}`,
    emailsUsed: (used, of) => `E-mails de dossier : ${used} sur ${of}`,
    notEmailed: (n) => `Non envoyés (quota épuisé) : ${n}`,
  },
  usage: {
    choosePlan: "Choisir un forfait",
    offTitle: (plan) => `Les e-mails de dossier sont désactivés avec le forfait ${plan}`,
    offBody: "Les clients qui ont besoin d’une personne voient vos coordonnées, et aucun dossier n’arrive à votre équipe par e-mail.",
    offShown: (n, shown) => ` Ce mois-ci, ${shown} client${n < 2 ? " a" : "s ont"} vu vos coordonnées.`,
    usedUpTitle: "Quota d’e-mails de dossier épuisé",
    usedUpBody: (used, of, plan) =>
      `${used} e-mails de dossier sur ${of} du forfait ${plan} utilisés ce mois-ci ; les dossiers suivants ` +
      `montrent vos coordonnées aux clients jusqu’au mois prochain.`,
  },
  plans: {
    title: "Forfaits",
    subtitle: "Les e-mails de dossier sont facturés chaque mois par Shopify.",
    demoTitle: "Démo locale : pas de facturation Shopify",
    demoBody:
      "Choisir un forfait ici change directement celui de la boutique démo. Dans une vraie boutique, Shopify demande " +
      "d’abord au marchand d’approuver le paiement.",
    current: "Forfait actuel",
    perMonth: "/ mois",
    noEmails: "Aucun e-mail de dossier : les clients qui ont besoin d’une personne voient vos coordonnées.",
    emailsPerMonth: (n) => `${n} e-mails de dossier par mois`,
    freeIncluded: (n) => `${n} e-mails de dossier par mois inclus, gratuitement ; au-delà, les clients voient vos coordonnées.`,
    trial: (days) => `Essai gratuit de ${days} jours`,
    downgrade: (plan) => `Passer à ${plan}`,
    choose: (plan) => `Choisir ${plan}`,
    monthOff: "Ce mois-ci : les e-mails de dossier sont désactivés.",
    monthUsed: (used, of) => `Ce mois-ci : ${used} e-mails de dossier utilisés sur ${of}.`,
    switched: (plan, demo) => `Vous avez maintenant le forfait ${plan}${demo ? " (démo : changé directement)" : ""}`,
    unknownPlan: "Forfait inconnu",
    confirmTitle: (plan) => `Passer au forfait ${plan} ?`,
    confirmSwitch: (plan) => `Passer à ${plan}`,
    keep: (plan) => `Garder ${plan}`,
    stopNow:
      "Les e-mails de dossier s’arrêtent immédiatement. Les clients qui demandent une personne verront vos " +
      "coordonnées, et votre équipe ne recevra plus de dossiers par e-mail.",
    drops: (from, to, used) =>
      `Votre quota passe de ${from} à ${to} e-mails de dossier par mois. Vous en avez utilisé ${used} ce ` +
      `mois-ci ; une fois le nouveau quota épuisé, les clients voient vos coordonnées.`,
    replaced: (plan) => `Votre abonnement ${plan} est remplacé dans la facturation Shopify.`,
    billingNote:
      "Chaque forfait envoie par e-mail à votre équipe les dossiers que l’assistant lui confie, dans la limite de son " +
      "quota mensuel. Shopify facture les forfaits payants tous les 30 jours.",
  },
  unsaved: {
    leaveTitle: "Quitter la page sans enregistrer ?",
    leave: "Quitter la page",
    stay: "Rester",
    leaveBody: "Si vous quittez cette page, toutes les modifications non enregistrées seront perdues.",
    bar: "Modifications non enregistrées",
    save: "Enregistrer",
    discard: "Annuler",
  },
  settings: {
    title: "Paramètres",
    subtitle: "Où vont les dossiers, quand l’assistant passe la main et comment il s’exprime.",
    saved: "Paramètres enregistrés",
    notSaved: (n) => `Paramètres non enregistrés : ${n} champ${n < 2 ? " demande" : "s demandent"} votre attention`,
    nothingSaved: (n) => `Rien n’a été enregistré : ${n} champ${n < 2 ? " demande" : "s demandent"} votre attention`,
    tabErrors: (tab, n) => `${tab}, ${n} en erreur`,
    applyNote: "Les modifications s’appliquent au chat de votre boutique dès l’enregistrement.",
    tabs: { escalations: "Dossiers", triggers: "Déclencheurs", assistant: "Assistant", advanced: "Avancé" },
    privacyTitle: "Confidentialité",
    privacyBody:
      "Le chat indique aux clients qu’un assistant IA répond, que votre équipe peut lire la conversation, combien de temps leur appareil la conserve et, " +
      "quand le modèle de langage est activé, qu’un fournisseur d’IA externe traite leurs messages. Dans " +
      "l’intégration Baton chat de l’éditeur de thème, activez " +
      "« Fournisseur d’IA externe » dès que le modèle de langage est activé. Votre politique de confidentialité, vers " +
      "laquelle le chat renvoie, doit dire la même chose.",
    privacyTemplate: "Texte de politique de confidentialité à adapter (en anglais)",
    privacyPolicies: "Modifier votre politique de confidentialité dans Shopify",
  },
  escalations: {
    addressesTitle: "Adresses des dossiers",
    addressesDescription: "Où vont les e-mails de dossier. Séparez plusieurs adresses par des virgules.",
    defaultToHelp:
      "Utilisée quand aucune règle ci-dessous ne correspond. Remplie à l’installation avec l’e-mail de contact de votre boutique ; modifiable à tout moment.",
    ccUrgentHelp: "En copie de chaque dossier urgent.",
    fromNameHelp: "Affiché comme nom de l’expéditeur ; l’adresse est l’expéditeur vérifié de Baton.",
    routesTitle: "Règles d’acheminement",
    routesDescription:
      "Envoyez les dossiers d’un motif, d’un sujet ou d’une priorité à une autre équipe. La première règle qui " +
      "correspond remplace les adresses par défaut ; les suivantes sont en copie.",
    rule: (n) => `Règle ${n}`,
    removeRule: (n) => `Supprimer la règle ${n}`,
    addRule: "Ajouter une règle",
    orHigher: (priority) => `${priority} ou plus`,
  },
  triggers: {
    sensitivityTitle: "Sensibilité",
    sensitivityDescription: "La facilité avec laquelle l’assistant confie une conversation à votre équipe.",
    sensitivityChoice: "Sensibilité des dossiers",
    presets: {
      relaxed: {
        label: "Détendue",
        description: "Seules les demandes claires, les réclamations fortes et les messages très négatifs arrivent à votre équipe.",
      },
      balanced: { label: "Équilibrée", description: "Recommandée. L’assistant garde les questions courantes et confie les clients frustrés." },
      watchful: {
        label: "Vigilante",
        description: "Votre équipe est prévenue tôt des frustrations légères et des réclamations. Attendez-vous à plus de dossiers.",
      },
    },
    custom: "Personnalisée",
    customHelp: "Vos propres seuils, réglés dans Avancé.",
    fineTune: "Affiner les seuils exacts",
    whenTitle: "Quand passer la main",
    whenDescription: "Chaque déclencheur peut être désactivé. Les sujets sensibles arrivent toujours à une personne, sauf si vous avez votre propre procédure.",
    explicitRequest: "Le client demande une personne",
    negativeSentiment: "Messages très négatifs",
    risingFrustration: "Frustration croissante au fil des messages",
    complaint: "Réclamations (jamais reçu, mauvais article, endommagé)",
    threat: "Menaces (rétrofacturation, action en justice, mauvais avis)",
    sensitiveTopic: "Sujets sensibles (confidentialité, sécurité, fraude)",
    repeatedQuestion: "Le client répète une question",
    repeatedFailure: "L’assistant n’a pas pu aider",
    afterTimes: "Après ce nombre de fois",
    oneToTen: "De 1 à 10",
    orderState: "Problèmes de commande (livrée mais pas reçue, annulations)",
    stalledAfter: "Traitement bloqué après",
    oneToNinety: "De 1 à 90 jours",
    authorityLimit: "Remboursements au-delà de la limite de l’assistant",
    zeroNeverPromises: "0 signifie que l’assistant ne promet jamais d’argent.",
    keyword: "Vos mots-clés",
    keywordsHelp: "Un par ligne, par exemple remboursement, réclamation, avocat.",
    languages: "Langues que l’assistant écoute",
    languagesSpoken: "Le chat, ses boutons et les e-mails des cas parlent ces langues.",
    languagesRecognized:
      "Également reconnues : Baton repère quand un client qui écrit dans l’une de ces langues a besoin d’une personne. " +
      "Les boutons du chat et ses réponses intégrées restent en anglais pour lui.",
    vipTitle: "Clients prioritaires",
    vipDescription: "Les dossiers VIP reçoivent une priorité plus élevée. Mettez une règle à 0 pour la désactiver.",
    vipEnabled: "Traiter les clients VIP en priorité",
    vipTagsHelp: "Balises client, séparées par des virgules.",
    totalSpent: "Total dépensé d’au moins",
    ordersAtLeast: "Commandes, au moins",
  },
  assistant: {
    title: "Assistant",
    description: "Comment le chat se présente et parle aux clients.",
    tone: "Ton",
    tones: { friendly: "Chaleureux", neutral: "Neutre", formal: "Soutenu" },
    llm: "Utiliser le modèle de langage",
    llmHelp: "Désactivé : l’assistant intégré répond (salutations, suivi de commande, politiques, dossiers).",
    llmMissing:
      "L’assistant intégré répond aux salutations, au suivi de commande, aux politiques et passe la main. Les options " +
      "du modèle de langage apparaissent quand l’hébergeur de l’app en configure un.",
    contactTitle: "Coordonnées",
    contactDescription:
      "Affichées aux clients quand aucun e-mail de dossier ne peut être envoyé : quand le quota du forfait est " +
      "épuisé, ou quand ils préfèrent ne pas donner d’e-mail.",
  },
  advanced: {
    thresholdsTitle: "Seuils exacts",
    thresholdsDescription:
      "Les niveaux de sensibilité règlent les trois premiers. Une conversation obtient un score de 0 à 100 % pour " +
      "chaque signal ; elle est confiée à l’équipe quand un score atteint son seuil. Plus bas signifie plus tôt.",
    combinedHelp: "Score combiné de tous les signaux. Équilibrée : 55 %.",
    balanced: (pct) => `Équilibrée : ${pct}`,
    vipLowerHelp: "Les VIP sont confiés plus tôt de cette valeur ; 0 ne fait qu’augmenter leur priorité.",
    confidenceHelp: "Passer la main quand le modèle de langage est moins sûr que cela.",
    retentionTitle: "Conservation des données",
    retentionDescription: "Les conversations et leurs dossiers sont supprimés après ce délai suivant le dernier message.",
    retentionHelp: "De 1 à 3 650 jours",
    abuseTitle: "Limites contre les abus",
    abuseDescription:
      "Empêchez un visiteur d’inonder votre équipe. Au-delà d’une limite, le client voit vos coordonnées et " +
      "le dossier est marqué limité pour abus ; il ne consomme pas le quota " +
      "de votre forfait. Les clients connectés et ceux qui ont prouvé une commande ne sont pas limités par adresse et ont quatre fois la limite d’e-mails.",
    defaultN: (n) => `Par défaut : ${n}`,
    followUpsHelp: "Par défaut : 10 ; les messages suivants attendent l’e-mail du lendemain",
  },
  labels: {
    delivery: {
      queued: "E-mail en file d’attente",
      sent: "E-mail envoyé",
      failed: "Échec de l’e-mail",
      abandoned: "Aucun e-mail donné",
      limited: "Non envoyé (limite du forfait)",
      limited_abuse: "Non envoyé (limité pour abus)",
    },
    emailStatus: { pending: "En file d’attente", sending: "Envoi en cours", sent: "Envoyé", failed: "Échec" },
    open: "Ouvert",
    resolved: "Résolu",
  },
  ...frCasesAndData,
  ...frWidget,
  ...frOutcomes,
};
