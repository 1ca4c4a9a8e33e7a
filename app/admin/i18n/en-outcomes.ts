// The admin's words for the analytics page's outcomes, presets and empty state (en is the source).

export const enOutcomes = {
  outcomes: {
    title: "Outcomes",
    vsPrevious: (delta: string) => `${delta} vs previous period`,
    same: "Same as the previous period",
    points: (n: string) => `${n} pts`,
    withoutPerson: "Resolved without a person",
    withoutPersonHint: (n: string, total: string) => `${n} of ${total} conversations never needed your team`,
    handoffs: "Hand-offs to your team",
    firstReply: "Team's first reply",
    firstReplyHint: (n: string) => `typical, over ${n} replies in the chat`,
    firstReplyNone: "No team reply in the chat yet",
    resolution: "Time to resolution",
    resolutionHint: (n: string) => `typical, over ${n} resolved cases`,
    resolutionNone: "No case resolved in this period",
    satisfaction: "Found it helpful",
    satisfactionHint: (n: string) => `from ${n} one-tap ratings in the chat`,
    satisfactionNone: "No ratings yet: shoppers rate answers with one tap in the chat",
    period: "Period",
    presets: { d7: "Last 7 days", d30: "Last 30 days", d90: "Last 90 days", month: "This month", custom: "Custom" },
    apply: "Apply",
    emptyTitle: "No conversations in this period",
    emptyBody:
      "When shoppers chat on your storefront, this page shows how many the assistant resolved on its own, how fast your team " +
      "answers hand-offs and how helpful shoppers found it. Turn the chat on in your theme, then try it yourself.",
    emptyAction: "Open the setup checklist",
  },
};
