import { SARAH, TRACK, type Script } from "./script";

// Scripts: orders as shoppers ask, facts before a person, email capture that forgives.

export const orders: Script[] = [
  {
    name: "en: track my order, no number → asks for it",
    steps: [{ say: "track my order", state: "open", has: [/order number/i], lacks: [/not sure/i] }],
    case: "none",
  },
  { name: "en: typo'd 'wheres my oder' → asks for the number", steps: [{ say: "wheres my oder??", has: [/order number/i] }], case: "none" },
  { name: "en: has it shipped yet → asks for the number", steps: [{ say: "has my package shipped yet?", has: [/order number/i] }], case: "none" },
  {
    name: "en: number then email → delivered with tracking",
    steps: [
      { say: "Where is my order #1042?", has: [/email address used on the order/], lacks: [TRACK, /delivered/i] },
      // One short sentence: the order card beside it shows the carrier, tracking number and link.
      { say: "sarah@example.com", has: [/^Order #1042 was delivered on Feb 20, 2026\./], lacks: [TRACK] },
    ],
    case: "none",
  },
  {
    name: "en: number and email in one message → status, not a case",
    steps: [
      {
        say: "Hi, where is my order #1042? My email is sarah@example.com",
        state: "open",
        has: [/delivered on Feb 20, 2026/],
        lacks: [TRACK, /forwarded|support team/i],
      },
    ],
    case: "none",
  },
  {
    name: "en: bare number reply after being asked",
    steps: [
      { say: "where is my package", has: [/order number/i] },
      { say: "1044", has: [/email address used on the order/] },
      { say: "priya@example.com", has: [/on its way/, "UPS", /Expected delivery/], lacks: ["1Z999AA10123456784"] },
    ],
    case: "none",
  },
  {
    name: "en: unfulfilled order says when it was placed and what the policy promises",
    steps: [
      { say: "status of order 1043 please", has: [/email/] },
      { say: "mike@example.com", has: [/hasn't shipped yet/, /placed on Feb 26, 2026/, /ship within 2 business days/] },
    ],
    case: "none",
  },
  {
    name: "en: partially fulfilled order says what shipped",
    steps: [
      { say: "order #1046", has: [/email/] },
      { say: "lena@example.com", has: [/Part of order #1046 has shipped/, /rest of the order hasn't shipped/] },
    ],
    case: "none",
  },
  {
    name: "en: cancelled and refunded order says when and how much",
    steps: [
      { say: "what happened to order 1045?", has: [/email/] },
      { say: "tom@example.com", has: [/cancelled on Feb 21, 2026/, /refunded/, "$149.00", /5–10 business days/] },
    ],
    case: "none",
  },
  {
    name: "signed in: 'Where is my order?' answers about their most recent order",
    customer: SARAH,
    steps: [{ say: "Where is my order?", has: [/#1042/, /delivered on Feb 20, 2026/], lacks: [/order number\?/, /not sure/i] }],
    case: "none",
  },
  {
    name: "signed in: another customer's order number is not revealed",
    customer: SARAH,
    steps: [{ say: "where is order #1044", has: [/email address used on the order/], lacks: ["UPS", "1Z999"] }],
    case: "none",
  },
  {
    name: "es: ¿dónde está mi pedido? → pide el número, en español",
    locale: "es",
    steps: [
      { say: "¿Dónde está mi pedido?", has: [/número de pedido/] },
      { say: "1042", has: [/correo/] },
      { say: "sarah@example.com", has: [/se entregó el/], lacks: [TRACK] },
    ],
    case: "none",
  },
  {
    name: "fr: où est ma commande → demande le numéro, en français",
    locale: "fr",
    steps: [
      { say: "Où est ma commande ?", has: [/numéro de commande/] },
      { say: "commande 1044", has: [/adresse e-mail/] },
      { say: "priya@example.com", has: [/est en route/, "UPS"] },
    ],
    case: "none",
  },
  {
    name: "de: wo ist meine Bestellung → fragt nach der Nummer, auf Deutsch",
    locale: "de-DE",
    steps: [
      { say: "Wo ist meine Bestellung?", has: [/Bestellnummer/] },
      { say: "Bestellung 1043", has: [/E-Mail-Adresse/] },
      { say: "mike@example.com", has: [/noch nicht versandt/] },
    ],
    case: "none",
  },
  {
    name: "es: seguimiento con número y correo en un mensaje",
    locale: "es-MX",
    steps: [{ say: "seguimiento del pedido #1044, mi correo es priya@example.com", has: [/está en camino/, "UPS"] }],
    case: "none",
  },
  {
    name: "unknown order and a wrong email read the same",
    steps: [
      { say: "order #9999", has: [/email address used on the order/] },
      { say: "nobody@example.com", has: [/couldn't match order #9999/] },
    ],
    case: "none",
  },
];

export const factsFirst: Script[] = [
  {
    name: "stalled #1043 complaint: status told, case carries the proven order",
    steps: [
      { say: "My order 1043 still hasn't shipped and it's been ages", state: "awaiting_email", has: [/email/] },
      { say: "mike@example.com", state: "escalated", has: [/hasn't shipped yet/, /forwarded your case/, "mike@example.com"] },
    ],
    case: {
      status: "queued",
      order: "#1043",
      subject: [/ · #1043 · /, /Mike Chen$/],
      email: ["Canvas Weekender Bag", /Fulfil?lment: Unfulfilled/i],
      emailLacks: [/no order identified/i],
    },
  },
  {
    name: "refund question on refunded #1045: told it was refunded (no returns timeline), a person offered; 'yes' hands over with the order",
    steps: [
      { say: "Where is my refund for order #1045?", has: [/email/] },
      { say: "tom@example.com", state: "open", has: [/refunded/, "$149.00", /connect you with a person/], lacks: [/receiving the return/] },
      { say: "yes please", state: "escalated", has: [/forwarded your case/] },
    ],
    case: { status: "queued", order: "#1045", subject: [/ · #1045 · /, /Tom Becker$/] },
  },
  {
    name: "delivered: 'where is it' first hears the date; 'never came' escalates with the order",
    steps: [
      { say: "Where is my order #1042? My email is sarah@example.com", state: "open", has: [/delivered on Feb 20, 2026/] },
      { say: "It never came, there was nothing at my door", state: "escalated", has: [/forwarded your case/], lacks: [/delivered on Feb 20, 2026/] },
    ],
    case: { status: "queued", order: "#1042", subject: [/ · #1042 · /, /Sarah Miller$/], email: [TRACK, "Merino Wool Beanie"] },
  },
  {
    name: "signed-in 'never received' on their order: one turn, status + case",
    customer: SARAH,
    steps: [{ say: "my order #1042 never arrived", state: "escalated", has: [/delivered on Feb 20, 2026/, /forwarded your case/, "sarah@example.com"] }],
    case: { status: "queued", order: "#1042", subject: [/ · #1042 · /] },
  },
  {
    name: "person requested after proving an order: case carries it",
    steps: [
      { say: "order 1044", has: [/email/] },
      { say: "priya@example.com", has: ["UPS"] },
      { say: "I want to talk to a person", state: "escalated", has: [/forwarded your case/] },
    ],
    case: { status: "queued", order: "#1044", subject: [/ · #1044 · /, /Priya Patel$/] },
  },
  {
    name: "privacy: an order named but not proven is never attached, nor its customer",
    steps: [
      { say: "order 1044", has: [/email/] },
      { say: "priya@example.com", has: ["UPS"] },
      { say: "I want to talk to a person about order #1047", state: "escalated" },
    ],
    case: {
      status: "queued",
      order: null,
      subject: [/ · #1047 \(mentioned\) · /],
      email: [/mentioned order #1047 but did not prove/],
      emailLacks: ["Handwoven", "6,240", /\bVIP\b/, "Olivia", "olivia@example.com"],
    },
  },
  {
    name: "privacy: a signed customer naming someone else's order gets no facts in the email",
    customer: SARAH,
    steps: [{ say: "I need a human about order #1047", state: "escalated" }],
    case: { status: "queued", order: null, emailLacks: ["Olivia", "6,240", /\bVIP\b/], email: ["Sarah Miller"] },
  },
  {
    name: "button press with a proven order: facts and case",
    steps: [
      { say: "#1043 status?", has: [/email/] },
      { say: "mike@example.com", has: [/hasn't shipped yet/] },
      { press: true, state: "escalated", has: [/forwarded your case/] },
    ],
    case: { status: "queued", order: "#1043" },
  },
];

export const emailCapture: Script[] = [
  {
    name: "mistyped email corrected: status, not a repeated-question hand-off",
    steps: [
      { say: "Where is my order #1042?", has: [/email/] },
      { say: "sarah@example", state: "open", has: [/incomplete/] },
      { say: "sarah@exmaple.com", state: "open", has: [/couldn't match/] },
      { say: "sarah@example.com", state: "open", has: [/delivered on Feb 20, 2026/], lacks: [/forwarded/] },
    ],
    case: "none",
  },
  {
    name: "words inside an email are not the shopper's mood",
    steps: [
      { say: "Where is order 1042?", has: [/email/] },
      { say: "hate.mail.angry.stupid@example.com", state: "open", has: [/couldn't match/] },
    ],
    case: "none",
  },
  {
    name: "escalation: invalid then valid email",
    steps: [
      { say: "Can I talk to a real person?", state: "awaiting_email", has: [/email address/] },
      { say: "me@example", state: "awaiting_email", has: [/valid email/] },
      { say: "ana@example.com", state: "escalated", has: ["ana@example.com"] },
    ],
    case: { status: "queued", order: null, subject: [/^Asked for a person · ana@example\.com$/] },
  },
  {
    name: "declining and asking something else gets the answer",
    steps: [
      { say: "I want to speak to a human", state: "awaiting_email" },
      { say: "no thanks, what's your return policy?", state: "closed", has: [/won't pass anything on/, /30 days/] },
    ],
    case: { status: "abandoned", order: null },
  },
  {
    name: "a question while the assistant waits for the email is answered, then reminded",
    steps: [
      { say: "get me an agent please", state: "awaiting_email" },
      { say: "how long does shipping take?", state: "awaiting_email", has: [/2 business days/, /share your email/] },
      { say: "joe@example.com", state: "escalated" },
    ],
    case: { status: "queued", order: null },
  },
  {
    name: "plain decline records an abandoned case and offers contact options",
    steps: [
      { say: "talk to a person", state: "awaiting_email" },
      { say: "no", state: "closed", has: [/help@test-goods\.example/] },
    ],
    case: { status: "abandoned", order: null },
  },
  {
    name: "after declining, the shopper can still ask about an order",
    steps: [
      { say: "human please", state: "awaiting_email" },
      { say: "nope", state: "closed" },
      { say: "order 1044", has: [/email/] },
    ],
    case: { status: "abandoned", order: null },
  },
];
