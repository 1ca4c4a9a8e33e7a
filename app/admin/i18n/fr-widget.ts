import type { enWidget } from "./en-widget";

export const frWidget: typeof enWidget = {
  widgetWords: {
    title: "Widget de chat",
    description:
      "Ce que dit le chat de votre boutique. Il arrive dans votre thème dès l’enregistrement ; position, couleurs et bouton restent dans l’éditeur de thème.",
    greetingHelp:
      "Le premier message que voient les clients, et la réponse à leur bonjour. Gardez celui par défaut pour l’avoir dans la langue de chaque client.",
    quickActionsHelp:
      "Une par ligne, 4 au plus. Le client en touche une pour la poser. " +
      "Vide : Suivre ma commande, Retours et remboursements, Délais de livraison, dans sa langue.",
    replyTimeHelp:
      "Affiché sous les questions suggérées et quand un dossier est chez votre équipe. " +
      "Vide : « Notre équipe répond généralement sous 24 heures », traduit.",
    preview: "Aperçu",
    previewNote: "Le chat vide tel qu’un client le voit dans la langue de cette page.",
    notPublished: "Paramètres enregistrés, mais le chat de votre boutique n’a pas encore pu être mis à jour. Enregistrez à nouveau dans une minute.",
  },
};
