// Hand-written phrase templates that widen what the dev files teach. Bitext asks for a person in
// a dozen formulaic ways ("how can I talk to a human?"); real shoppers say "transfer me to
// billing", "get me a real human", "i don't want to talk to a bot". The templates expand those
// ways of asking (and refund synonyms, and complaint shapes) and add look-alikes that must NOT
// escalate ("is this a bot?", "how do I transfer money to another account"). They were written by
// the team from the kinds of phrasing the learned model was built for, not copied from any corpus, and are
// disjoint from the regression sets in `synthetic-checks.fixtures.ts`.
import { seededRandom } from "./train-logistic";
import type { LabelledRow } from "./labels";

const PERSON = [
  "a human",
  "a real human",
  "a real person",
  "an actual person",
  "an actual human",
  "a human being",
  "a live agent",
  "a live person",
  "an agent",
  "a rep",
  "a representative",
  "a customer service rep",
  "a supervisor",
  "your manager",
  "the manager",
  "someone",
  "somebody",
  "someone real",
  "a person",
  "an operator",
  "a real agent",
  "a human agent",
  "a staff member",
  "someone from your team",
  "an actual human bean",
  "a live human",
  "a real live person",
  "a real human being",
  "a support agent",
  "an advisor",
  "a customer care agent",
  "a team member",
  "a person pls",
  "someone who can actually help",
  "a human please",
  "an employee",
  "someone in charge",
  "a real rep",
];
const DEPARTMENTS = [
  "billing",
  "accounts",
  "sales",
  "technical support",
  "the fraud team",
  "returns",
  "customer care",
  "the complaints department",
  "reservations",
  "the front desk",
  "the loans team",
  "the mortgage department",
  "the claims team",
  "tech support",
  "the billing department",
  "the accounts team",
  "customer relations",
  "the shipping team",
  "the warehouse",
];
const ASK_PERSON = [
  "transfer me to {p}",
  "hand me over to {p}",
  "pass me to {p}",
  "put me through to {p}",
  "connect me to {p}",
  "connect me with {p}",
  "forward me to {p}",
  "get me {p}",
  "i need {p}",
  "i want {p}",
  "let me speak to {p}",
  "let me talk to {p}",
  "can i speak to {p}",
  "can i talk to {p}",
  "i would like to speak with {p}",
  "i want to chat with {p}",
  "give me {p}",
  "is there {p} i can talk to",
  "escalate this to {p}",
  "put {p} on the line",
  "get {p} on the phone",
  "i need to talk to {p} now",
  "bring in {p}",
  "switch me to {p}",
  "i demand to speak to {p}",
  "may i speak with {p}",
  "could i get {p} on the chat",
  "can you get {p} for me",
  "i would rather talk to {p}",
  "need {p}",
  "{p} now",
  "can i be transferred to {p}",
  "please hand this over to {p}",
  "i want to be put through to {p}",
];
const ASK_DEPARTMENT = [
  "put me through to {d}",
  "transfer me to {d}",
  "can i speak to someone in {d}",
  "i need to talk to someone from {d}",
  "connect me to {d} please",
  "can you transfer me to the {d} team",
  "i want to speak with {d}",
  "get me {d}",
  "can someone from {d} call me",
  "i would like to be transferred to {d}",
  "hand me over to {d}",
  "pass me on to {d}",
];
const ELSE = [
  "let me talk to someone else",
  "is there anyone else i can speak to",
  "can i talk to somebody else",
  "i would like to speak to someone else please",
  "put someone else on",
  "get someone else on the line",
  "can i have someone call me",
  "have a person call me back",
  "i want a call back from a person",
  "can a real person call me",
  "i need someone to call me about this",
];
const REFUSE_BOT = [
  "i do not want to talk to a bot",
  "i do not want to talk to a machine",
  "stop, i want a person not a bot",
  "no more bots",
  "i refuse to talk to a robot",
  "i am done talking to a machine",
  "no ai please, a human",
  "enough with the bot",
  "i hate talking to computers, get me a person",
  "you are a bot, i want a real person",
  "not a bot, a human",
  "i will not talk to an automated system",
  "i am tired of this chatbot",
  "stop the automated replies and get me someone",
  "bots are useless, i want an agent",
  "i do not want to chat with an ai",
  "no robots",
  "i want to talk to a human not a machine",
];
const SHORT_ASKS = [
  "human",
  "agent",
  "representative",
  "operator",
  "talk to human",
  "speak to agent",
  "live agent",
  "real person please",
  "human pls",
  "agent please",
  "rep please",
  "person please",
  "customer service agent",
  "supervisor",
  "manager please",
  "human being please",
  "live chat with a person",
  "real human",
  "operator please",
  "a real person pls",
];
const LEADS = [
  "",
  "",
  "",
  "please ",
  "pls ",
  "hi, ",
  "hello, ",
  "ok ",
  "this is useless, ",
  "you are not helping, ",
  "just ",
  "can you ",
  "ugh ",
  "sorry but ",
];
const TAILS = ["", "", "", " please", " pls", " now", " asap", "!", "?", " right now", " thanks", " thx"];

const NOT_A_REQUEST = [
  "is this a bot?",
  "are you a bot or a human?",
  "are you a real person?",
  "am i talking to a robot",
  "is this chat automated",
  "are you an ai",
  "is this an automated service",
  "your delivery driver was so kind",
  "the agent i spoke to yesterday was very helpful",
  "thank you, the representative solved it",
  "what are your opening hours",
  "how do i transfer money to another account",
  "can i transfer funds to my savings account",
  "how do i transfer my balance to a new card",
  "transfer money to a friend",
  "how do i transfer my subscription to a new email",
  "i want to talk about my order",
  "i want to talk about a return",
  "can we talk about shipping options",
  "can i speak to you in spanish",
  "let me think about it",
  "connect my account to paypal",
  "how do i connect my bluetooth headphones",
  "put me on the mailing list",
  "can you pass me the tracking link",
  "get me the invoice for my last order",
  "i need a gift for a person who loves cooking",
  "is this product safe for humans",
  "my manager asked me to order 20 units",
  "can someone else pick up my order?",
  "can my friend collect the parcel for me",
  "is this sweater machine washable",
  "does the coffee machine come with a warranty",
  "i want to transfer my gift card balance",
  "how do i hand over my old phone for trade in",
  "the staff at your store were lovely",
  "can i send money to someone abroad",
  "how do i add another person to my account",
  "can i transfer the booking to another person",
  "tell me about your team",
  "who makes this product",
  "how many people does this tent fit",
  "what time does the front desk open",
  "can you transfer my points",
  "i talked to a human yesterday and it is sorted now",
  "no need for a human, thanks",
  "i do not need an agent, you solved it",
  "thanks, no need to transfer me",
  "how do i put through a payment",
  "can i pay someone else's bill",
  "what is a human readable receipt",
  "speak slower please",
  "can you connect to my printer",
  "how do i set up a transfer",
  "top up my account",
  "my transfer to another account is pending",
  "i want to hand in my notice",
  "i want a bigger size",
  "i want the blue one",
  "get me the cheapest shipping",
  "i need a receipt",
  "i need a new password",
  "can i get a discount code",
];

const MONEY = [
  "i want my money back",
  "give me my money back",
  "can i get my money back",
  "i need a reimbursement",
  "reimburse me",
  "please reimburse my order",
  "i want a refund",
  "refund me now",
  "i would like to be refunded",
  "how do i get refunded",
  "where is my refund",
  "i have not received my refund",
  "my refund is still not showing",
  "send my money back",
  "return my money",
  "i want my money returned",
  "credit my card back",
  "i want the charge reversed",
  "i need a credit back to my card",
  "can you refund my order",
  "process my refund",
  "status of my reimbursement",
  "i demand a refund",
  "i want a full refund",
  "refund my purchase",
  "i expect to be reimbursed",
  "pay me back for the broken item",
  "i need my money back for this order",
  "i was promised a refund weeks ago",
  "when will i get my money back",
  "my refund never came through",
  "i want a partial refund",
  "can i have a refund for the late delivery",
  "i paid and want it back",
  "money back please",
  "refund pls",
  "give back my money",
  "i want to be compensated with my money back",
  "issue me a refund",
  "please send me a refund",
];
const NOT_MONEY = [
  "how much money do i need to spend for free shipping",
  "can i pay with apple pay",
  "do you have any money off codes",
  "got my refund, thank you so much",
  "the refund arrived, all good",
  "can i pay in installments",
  "what currencies do you accept",
  "how do i add money to my account",
  "is there a fee for paying by card",
  "how do i save money on shipping",
  "can i use store credit for this",
  "what payment methods do you take",
  "how much is shipping to canada",
  "how do returns work",
  "can i exchange this for another size",
  "where do i send a return",
  "do you offer exchanges",
  "how long do i have to send something back",
  "is return shipping free",
];

const PROBLEMS = [
  "my order arrived broken",
  "my package still has not arrived after 3 weeks",
  "you charged me twice",
  "the app keeps crashing",
  "my flight got cancelled and nobody told me",
  "been on hold for an hour",
  "you lost my luggage",
  "the product stopped working after 2 days",
  "my internet has been down all day",
  "i received the wrong item",
  "half of my order is missing",
  "the delivery guy threw my parcel over the fence",
  "the item looks nothing like the pictures",
  "my account got locked for no reason",
  "nobody replies to my emails",
  "my food arrived cold",
  "the seat was broken the whole flight",
  "i was overcharged again",
  "the tracking has not updated in a week",
  "the shoes fell apart after one wear",
  "your website will not let me check out",
  "i got a used item instead of a new one",
  "the driver never showed up",
  "my bill doubled without notice",
  "the room was dirty and smelled",
  "the staff were rude to me",
  "my delayed flight made me miss my connection",
  "the update broke my phone",
];
const COMPLAINT_TAILS = [
  "",
  " again",
  " thanks for nothing",
  " #fail",
  " this is ridiculous",
  " what a joke",
  " seriously?",
  " unacceptable",
  " never again",
  " so frustrating",
  " worst service ever",
  " fix this",
  " not happy",
  " really disappointed",
  " third time this month",
];
const NOT_COMPLAINT = [
  "my order arrived today, thanks!",
  "the package arrived in perfect condition",
  "love the new update",
  "how long does delivery take",
  "can i change my flight",
  "what is the baggage allowance",
  "great service, thank you",
  "the shoes fit perfectly",
  "thanks for the quick reply",
  "do you ship to australia",
  "when does the sale start",
  "can i add an item to my order",
  "what is the warranty on this",
  "the room was lovely",
  "my flight was on time, nice work",
  "is the store open on sunday",
  "thank you for sorting out my order so fast",
];

function fill(template: string, key: string, values: readonly string[]): string[] {
  return values.map((v) => template.replace(key, v));
}

/** Typo noise on one word of 4+ letters: drop, double or swap neighbours (as people type in a hurry). */
function typo(text: string, random: () => number): string {
  const words = text.split(" ");
  const candidates = words.map((w, i) => (w.length >= 4 ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const at = candidates[Math.floor(random() * candidates.length)];
  const w = words[at];
  const i = 1 + Math.floor(random() * (w.length - 2));
  const kind = Math.floor(random() * 3);
  words[at] =
    kind === 0 ? w.slice(0, i) + w.slice(i + 1) : kind === 1 ? w.slice(0, i) + w[i] + w.slice(i) : w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1);
  return words.join(" ");
}

function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

function dress(core: string, random: () => number): string {
  const lead = LEADS[Math.floor(random() * LEADS.length)];
  const tail = TAILS[Math.floor(random() * TAILS.length)];
  const text = lead + core + tail;
  return random() < 0.3 ? typo(text, random) : random() < 0.15 ? text.toUpperCase() : text;
}

/** The synthetic rows in the dev-file row shape (same labels path as the real data). Deterministic. */
export function syntheticTrainingRows(seed = 14): LabelledRow[] {
  const random = seededRandom(seed);
  const rows: LabelledRow[] = [];
  const escalate = (text: string, reason: string) => rows.push({ text, label: "escalate", meta: { reason } });
  const routine = (text: string) => rows.push({ text, label: "no_escalate", meta: { reason: null } });

  const requests = [...ASK_PERSON.flatMap((t) => fill(t, "{p}", PERSON)), ...ASK_DEPARTMENT.flatMap((t) => fill(t, "{d}", DEPARTMENTS))];
  for (const core of sample(requests, 1500, random)) escalate(dress(core, random), "explicit_human_request");
  for (const core of [...ELSE, ...REFUSE_BOT, ...SHORT_ASKS]) {
    escalate(core, "explicit_human_request");
    escalate(dress(core, random), "explicit_human_request");
    escalate(dress(core, random), "explicit_human_request");
  }
  for (const core of NOT_A_REQUEST) {
    routine(core);
    routine(dress(core, random));
    routine(dress(core, random));
  }

  for (const core of MONEY) for (let k = 0; k < 4; k++) escalate(k === 0 ? core : dress(core, random), "refund_topic");
  for (const core of NOT_MONEY) for (let k = 0; k < 3; k++) routine(k === 0 ? core : dress(core, random));

  const complaints = PROBLEMS.flatMap((p) => COMPLAINT_TAILS.map((t) => p + t));
  for (const text of sample(complaints, 300, random)) escalate(random() < 0.3 ? `@company ${text}` : random() < 0.2 ? typo(text, random) : text, "complaint");
  for (const core of NOT_COMPLAINT) for (let k = 0; k < 3; k++) routine(k === 0 ? core : k === 1 ? `@company ${core}` : typo(core, random));
  return rows;
}
