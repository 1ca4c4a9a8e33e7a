// The admin's words for the widget's words and its preview (en is the source; es, fr and de follow its shape).

export const enWidget = {
  widgetWords: {
    title: "Chat widget",
    description:
      "What the chat on your storefront says. It reaches your theme as soon as you save; placement, colours and the launcher stay in the theme editor.",
    greetingHelp: "The first message shoppers see, and the answer to their hello. Keep the default to have it in each shopper's language.",
    quickActionsHelp:
      "One per line, up to 4. Shoppers tap one to ask it. Empty: Track my order, Returns and refunds, Shipping times, in the shopper's language.",
    replyTimeHelp: "Shown under the suggested questions and once a case is with your team. Empty: “Our team usually replies within a day”, translated.",
    preview: "Preview",
    previewNote: "The empty chat as a shopper sees it in the language of this page.",
    notPublished: "Settings saved, but your storefront chat could not be updated yet. Save again in a minute.",
  },
};
