import type { DetectorLanguage } from "./settings";
import type { NormalizedText } from "./normalize";

// Explicit requests for a person, per language. Patterns run on normalized text (lower case, no
// accents, "don't" → "do not", typos of key nouns fixed), so they list word choices, not spellings.
// A negation ("I don't need a human") suppresses any match it covers.

interface LanguagePatterns {
  /** cheap literal check: a message without any of these words cannot match `requests` */
  gate?: RegExp;
  requests: RegExp[];
  negations: RegExp[];
}

const g = (source: string) => new RegExp(source, "g");

// English building blocks.
const EN_DET = "(?:(?:a|an|the|one|some|your|ur|any|real|live|actual|physical|proper|human|actual|of your|someone from your) )*";
// Teams a shopper may ask to be put through to ("put me through to billing"). "returns" is left
// out: "send it to returns" is about the parcel.
const EN_TEAM =
  "(?:(?:the |your |ur )?(?:billing|accounts?|sales|complaints?|fraud|claims|reservations|front desk|reception|technical support|tech support|loans?|mortgages?|finance|payments?)(?: (?:department|dept|team|desk|office|people|section))?|(?:the |your )?(?:right|correct|relevant|appropriate) (?:department|team|person))";
const EN_PERSON =
  "(?:colleagues?|someone else|somebody else|(?:customer|client) (?:service|support|care)(?! (?:number|email|hours|phone|line|address|policy|policies|website|page|chat ?bot|bot))|humans?|human beings?|(?:real|live|actual) (?:ones?|persons?)|persons?|people|agents?|reps?|representatives?|operators?|associates?|advis[eo]rs?|consultants?|employees?|staff(?: members?)?|team members?|specialists?|assistants?|managers?|supervisors?|boss|owner|someone|somebody|anyone|anybody|(?:customer|client) (?:service|support|care|success) (?:agent|rep|representative|person|team|staff|department|associate|member|officer)s?|(?:support|service|sales|help ?desk) (?:team|staff|agent|rep|person)s?)";
// Nouns that on their own (after "want"/"need") mean a person, excluding vague "someone".
const EN_PERSON_STRONG =
  "(?:humans?|human beings?|real (?:person|one|human)|live (?:person|agent|rep|representative|operator|human|support|chat|help)|agents?|representatives?|reps?|operators?|managers?|supervisors?|actual (?:person|human)|person)";

const EN: LanguagePatterns = {
  gate: /human|person|people|agent|rep|operator|colleague|billing|account|sales|complain|fraud|claim|reserv|front desk|reception|loan|mortgage|financ|payment|department|refuse|associate|advis|consult|employee|staff|team|specialist|assistant|manag|supervis|boss|owner|someone|somebody|anyone|anybody|customer|client|support|service|sales|help|live|real|actual|escalat|bot|machine| ai |computer|automat/,
  requests: [
    // "speak to a human", "talk with someone from your team", "get in touch with an agent"
    g(
      `\\b(?:speak|talk|chatt?|converse|communicate|get in touch|be in touch|get through|reach out|consult)(?:s|ed|ing)? (?:directly |right now |now |immediately |please |just |again )?(?:to|too|tto|ot|with|wiht|whit|wit|w) ${EN_DET}(?:(?:damn|fucking|bloody|goddamn|freaking|proper|competent|qualified|senior|human) )?${EN_DET}${EN_PERSON}\\b`,
    ),
    // "connect me to an agent", "transfer me to a representative", "put me through to a manager"
    g(
      `\\b(?:connect|transfer|put|patch|switch|pass|forward|hand|redirect|send|escalate|route)(?:s|ed|ing)? (?:me|us|this|it|my (?:case|issue|request|call|chat|question|ticket|complaint))(?: over| through| thru| on| now| please)? (?:to|with) ${EN_DET}${EN_PERSON}\\b`,
    ),
    // "put me through to billing", "transfer me to the accounts team", "speak to someone in accounts"
    g(`\\b(?:connect|transfer|put|patch|switch|pass|forward|hand)(?:s|ed|ing)? (?:me|us)(?: over| through| thru| on)? (?:to|with) ${EN_TEAM}\\b`),
    g(`\\b(?:speak|talk|chat)(?:ing)? (?:to|with) (?:someone|somebody|a person|anyone|anybody) (?:in|from|at) ${EN_TEAM}\\b`),
    // "i refuse to keep chatting with a machine", "i do not want to talk to a bot"
    g(
      "\\b(?:refuse to|will not|do not want to|not going to|no longer want to|rather not|not want to) (?:keep |continue )?(?:talk|talking|chat|chatting|speak|speaking|deal|dealing|text|texting) (?:to|with) (?:a |an |the |this |your |some )?(?:stupid |useless |dumb |automated |fucking )?(?:bots?|robots?|chat ?bots?|machines?|ai|computers?|automated (?:system|assistant))\\b",
    ),
    // "I want a human", "need a real person", "get me a manager", "is there a live agent"
    g(
      `\\b(?:want|wanted|need|needed|require|request|requesting|demand|demanding|prefer|get me|give me|find me|bring me|have|like|is there|are there|there any|looking for|where is|where are|i would like|id like|(?:can|could|may) (?:i|we) (?:please )?(?:get|have)) (?:to (?:have|get|see|reach|contact) )?${EN_DET}${EN_PERSON_STRONG}\\b(?! (?:said|says|told|answered|replied|gave|promised|was|were|is))`,
    ),
    // "contact a live agent", "call a supervisor", "reach a representative"
    g(
      `\\b(?:reach|contact|call|phone|email|message|ring|see|get hold of|get ahold of)(?:ing|ed)? ${EN_DET}(?:(?:damn|fucking|bloody|goddamn|freaking) )?(?:humans?|real person|live (?:person|agent|rep|representative|operator)|agents?|representatives?|reps?|operators?|managers?|supervisors?|person|someone|somebody)\\b`,
    ),
    // "human help", "human support", "live agent please"
    g(
      "\\b(?:human|real person|live person|live agent|actual person) (?:help|assistance|support|agent|contact|interaction|response|answer|please|now|asap|immediately)\\b",
    ),
    // "have someone call me", "can a person get back to me"
    g(
      `\\b(?:have|get|can|could|would|let|need|want) ${EN_DET}${EN_PERSON} (?:to )?(?:call|contact|email|reach|phone|ring|get back to|reply to|respond to|text|look at|review) (?:me|us|my|this)\\b`,
    ),
    // "transfer to me an agent", "direct me to somebody"
    g(`\\b(?:transfer|connect|put|direct|redirect|send|pass|forward)\\w* (?:to )?(?:me|us) (?:to |with )?${EN_DET}${EN_PERSON}\\b`),
    // "is there anyone available", "is there a person I can talk to"
    g(
      "\\b(?:is|are) (?:there|their) (?:any|a|an|some|a real|an actual)? ?(?:persons?|someone|somebody|anyone|anybody|humans?|agents?|people|representatives?|reps?|staff|operators?) (?:available|there|around|online|in the office|working|i can (?:talk|speak|chat)|to (?:talk|speak|chat)|who can help)\\b",
    ),
    g("\\b(?:anyone|anybody|any (?:person|human|agent)s?) (?:available|there|online|around) (?:to (?:talk|speak|chat|help))?\\b"),
    // "is there a customer service person I can talk to"
    g(
      "\\b(?:is|are) there (?:\\w+ ){0,3}(?:persons?|humans?|agents?|representatives?|reps?|operators?|someone|somebody|anyone|anybody|people|staff) (?:\\w+ ){0,2}(?:i|we) (?:can|could|may) (?:talk|speak|chat)\\b",
    ),
    // "escalate this", "please escalate my case"
    g("\\bescalate (?:this|it|my|the|our|me)\\b"),
    // "not a bot", "stop the bot", "tired of talking to a machine"
    g(
      "\\b(?:not|no|stop|enough|tired of|sick of|fed up with|done with|hate) (?:talking to |chatting with |speaking to |with )?(?:a |an |the |this |your |some )?(?:stupid |useless |dumb |automated |fucking )?(?:bots?|robots?|chat ?bots?|machines?|ai|computers?|automated (?:system|assistant|responses?|answers?|replies))\\b",
    ),
  ],
  negations: [
    g(
      `\\b(?:not|never|no) (?:really |actually |even |yet )?(?:need|needed|want|wanted|wish|require|ask|asked|care|like|going|have|trying) (?:(?:to|for|about) )?(?:(?:speak|talk|chat|be transferred|be connected|get|contact|call|reach|see)\\w* (?:to |with |for )?)?${EN_DET}${EN_PERSON}\\b`,
    ),
    g(`\\bno need (?:to|for) (?:(?:speak|talk|chat|contact|get)\\w* (?:to |with )?)?${EN_DET}${EN_PERSON}\\b`),
    g(
      `\\b(?:rather not|prefer not to|without|instead of|unless i) (?:having to |needing to )?(?:speak|talk|chat|contact|get|call)\\w* (?:to |with )?${EN_DET}${EN_PERSON}\\b`,
    ),
    g(`\\bnot (?:transfer|connect|put|escalate|send|forward|pass)\\w* (?:me|this|it|my \\w+)(?: \\w+)? (?:to|with) ${EN_DET}${EN_PERSON}\\b`),
    g("\\bnot (?:escalate|transfer) (?:this|it|me|my)\\b"),
    g(`\\bno (?:humans?|agents?|people|persons?|reps?|representatives?|managers?)(?: (?:needed|necessary|required|please|thanks))?\\b`),
    g(`\\b(?:not|never) (?:necessary|needed|required) (?:to )?(?:(?:speak|talk|chat)\\w* (?:to|with) )?${EN_DET}${EN_PERSON}\\b`),
    // someone else is told to talk to a person ("you should talk to someone")
    g(
      `\\b(?:you|he|she|they|we|people) (?:should|need to|could|might|have to|must|can|ought to|may) (?:(?!i |we |you )\\w+ )?(?:speak|talk|chat|reach out) (?:to|with) ${EN_DET}${EN_PERSON}\\b`,
    ),
    // narration, not a request: "I talked to an agent yesterday", "your agent told me"
    g(
      `\\b(?:i|we) (?:already |just |have |had |have already |already have )?(?:spoke|talked|chatted|been talking|been speaking|was talking|was speaking) (?:to|with) ${EN_DET}${EN_PERSON}\\b(?! (?:again|now))`,
    ),
  ],
};

const ES: LanguagePatterns = {
  gate: /human|persona|agente|asesor|operador|representante|encargad|gerente|supervisor|responsable|alguien|ejecutiv|emplead|atencion|pasame|pasenme|paseme|ponme|pongame|ponganme|comunic|transfier|conect|deriva|ayuda|asistencia|soporte/,
  requests: [
    g(
      "\\b(?:hablar|hablo|hable|comunicarme|comunicarse|comunicar|contactar|contactarme|chatear|platicar|conversar) (?:directamente |ahora |ya |por favor )?(?:con|a) (?:(?:un|una|el|la|algun|alguna|su|tu|sus|de) )*(?:humanos?|ser humano|personas?(?: reales?| de verdad)?|agentes?|asesor(?:a|es)?|operador(?:a|es)?|representantes?|encargad[oa]s?|gerentes?|supervisor(?:a|es)?|responsables?|alguien|ejecutiv[oa]s?|emplead[oa]s?|atencion al cliente)\\b",
    ),
    g(
      "\\b(?:pasame|pasenme|paseme|ponme|pongame|ponganme|comunicame|comuniqueme|comuniquenme|transfiereme|transfierame|transfieranme|conectame|conecteme|conectenme|derivame|derivenme) (?:con|a)\\b",
    ),
    g(
      "\\b(?:quiero|necesito|quisiera|prefiero|exijo|deseo|busco|solicito|pido) (?:hablar con |un contacto con )?(?:(?:un|una|el|la|algun|alguna|a) )*(?:humano|ser humano|persona real|persona de verdad|agente|asesor|asesora|operador|operadora|representante|encargado|gerente|supervisor|supervisora)\\b",
    ),
    g("\\b(?:atencion|ayuda|asistencia|agente|soporte) humana?\\b"),
    g("\\b(?:un humano|una persona real|una persona de verdad|un agente) por favor\\b"),
  ],
  negations: [
    g(
      "\\bno (?:necesito|quiero|hace falta|es necesario|me hace falta|deseo|busco|quisiera|pedi)(?: hablar con| que me pases con| que me pasen con)? (?:(?:un|una|el|la|ningun|ninguna|a) )*(?:humano|persona|agente|asesor|operador|representante|encargado|gerente|supervisor)\\b",
    ),
    g("\\bsin (?:hablar con |tener que hablar con )?(?:un |una )?(?:humano|persona|agente|asesor|operador)\\b"),
  ],
};

const FR: LanguagePatterns = {
  gate: /humain|personne|agent|conseill|operat|responsable|quelqu|gerant|manager|superviseur|representant|interlocuteur|service client|mettez|mets moi|passez|passe moi|transfer|redirig|connect|relation|assistance|aide|support/,
  requests: [
    g(
      "\\b(?:parler|discuter|echanger|communiquer|etre mis en relation|etre mise en relation|me mettre en relation|etre en contact|entrer en contact|joindre|contacter|avoir affaire) (?:directement |maintenant |svp )?(?:a |avec |au |aupres d )?(?:(?:un|une|le|la|l|du|votre|vrai|vraie|veritable|quelqu) )*(?:humain|etre humain|personne reelle|personne physique|vraie personne|vrai personne|agent|conseiller|conseillere|operateur|operatrice|responsable|quelquun|gerant|manager|superviseur|representant|interlocuteur|service client)\\b",
    ),
    g(
      "\\b(?:mettez moi|mets moi|passez moi|passe moi|transferez moi|transfere moi|redirigez moi|connectez moi|mettre en relation avec|mise en relation avec) (?:en relation |en contact )?(?:avec|a|au)?\\b",
    ),
    g(
      "\\b(?:je veux|je voudrais|j aimerais|je souhaite|je souhaiterais|je demande|il me faut|je prefere|j exige) (?:parler a |parler avec |avoir |joindre )?(?:(?:un|une|le|la|l|vrai|vraie|veritable) )*(?:humain|etre humain|vraie personne|personne reelle|agent|conseiller|conseillere|operateur|operatrice|responsable|representant|interlocuteur humain)\\b",
    ),
    g("\\b(?:un humain|une vraie personne|un conseiller|un agent) (?:svp|s il vous plait|s il te plait|merci)\\b"),
    g("\\b(?:assistance|aide|support|conseiller|interlocuteur|agent) humaine?\\b"),
  ],
  negations: [
    g(
      "\\bpas (?:besoin )?(?:de |d )?(?:parler )?(?:a |avec )?(?:(?:un|une|d un|d une|le|la) )?(?:humain|personne|agent|conseiller|conseillere|operateur|responsable)\\b",
    ),
    g("\\b(?:veux|voudrais|souhaite|ai) (?:pas|plus|aucun|aucune) (?:\\w+ ){0,3}(?:humain|agent|conseiller|operateur)\\b"),
    g("\\bsans (?:parler a |passer par )?(?:un |une )?(?:humain|agent|conseiller|operateur)\\b"),
    g("\\bne \\w+ (?:\\w+ )?(?:parler )?a personne\\b"),
  ],
};

const DE: LanguagePatterns = {
  gate: /mensch|person|mitarbeit|berater|agent|sachbearbeit|vorgesetzt|manager|chef|ansprechpartner|kundenservice|kundendienst|support|verantwortlich|jemand|verbind|leite/,
  requests: [
    g(
      "\\b(?:mit|zu) (?:(?:einem|einer|einen|dem|der|den|ihrem|ihrer|ihren|echten|echter|richtigen|richtiger|menschlichen|lebenden|realen|jemandem|einem echten|einer echten) )*(?:mensch|menschen|person|mitarbeiter|mitarbeiterin|mitarbeitenden|berater|beraterin|kundenberater|kundenberaterin|agenten|sachbearbeiter|sachbearbeiterin|vorgesetzten|manager|chef|ansprechpartner|ansprechpartnerin|kundenservice|kundendienst|support|verantwortlichen|jemandem)(?: \\w+){0,4}? (?:sprechen|reden|verbunden|verbinden|chatten|telefonieren|schreiben|kontakt)\\b",
    ),
    g("\\b(?:verbinden|verbindet|verbinde|leiten|leite) (?:sie |du )?(?:mich|uns) (?:bitte |jetzt |sofort )?(?:mit|an|weiter)\\b"),
    g(
      "\\b(?:mochte|mochten|will|wollen|brauche|brauchen|wunsche|verlange|hatte gern|hatte gerne|suche) (?:gerne |gern |jetzt |sofort |bitte |bitte einen |doch )?(?:einen |eine |einem |mit einem |mit einer )?(?:echten |richtigen |menschlichen |lebenden |realen )?(?:menschen|mitarbeiter|mitarbeiterin|berater|beraterin|kundenberater|kundenberaterin|ansprechpartner|ansprechpartnerin|vorgesetzten|sachbearbeiter|echte person|reale person)\\b",
    ),
    g("\\b(?:echter|echten|richtigen|richtiger|realen) (?:mensch|menschen|person|mitarbeiter|ansprechpartner)\\b"),
    g("\\bmenschlichen? (?:ansprechpartner|mitarbeiter|berater|support|kontakt|hilfe)\\b"),
  ],
  negations: [
    g("\\b(?:keinen|keine|kein) (?:echten |richtigen |menschlichen )?(?:menschen|mensch|mitarbeiter|mitarbeiterin|berater|person|ansprechpartner|agenten)\\b"),
    g("\\bnicht (?:mit|zu) (?:einem|einer|dem|der) (?:\\w+ )?(?:menschen|mitarbeiter|person|berater|agenten)\\b"),
    g("\\bohne (?:mit )?(?:einem |einer )?(?:menschen|mitarbeiter|berater|person)\\b"),
  ],
};

const IT: LanguagePatterns = {
  requests: [
    g(
      "\\b(?:parlare|parlo|parli|comunicare|chattare|mettermi in contatto|contattare|essere messo in contatto) (?:con |a |ad )?(?:(?:un|una|un altro|l|il|la|un vero|una vera|qualche) )*(?:operatore|operatrice|umano|essere umano|persona vera|persona reale|persona|agente|consulente|responsabile|addetto|addetta|assistente|qualcuno|manager|supervisore)\\b",
    ),
    g(
      "\\b(?:voglio|vorrei|ho bisogno di|preferisco|chiedo) (?:parlare con )?(?:(?:un|una|l|il) )*(?:operatore|operatrice|umano|essere umano|persona vera|persona reale|agente|consulente|responsabile)\\b",
    ),
    g("\\b(?:passami|mi passi|mettimi in contatto|mi metta in contatto) (?:con|a)?\\b"),
  ],
  negations: [
    g(
      "\\bnon (?:voglio|ho bisogno|mi serve|serve|necessito|e necessario)(?: di)?(?: parlare)?(?: con)? (?:un |una |l )?(?:operatore|umano|persona|agente|consulente)\\b",
    ),
    g("\\bsenza (?:parlare con )?(?:un |una )?(?:operatore|umano|persona|agente)\\b"),
  ],
};

const PT: LanguagePatterns = {
  requests: [
    g(
      "\\b(?:falar|conversar|comunicar|contatar|contactar|falo) (?:com |a |para )?(?:(?:um|uma|o|a|algum|alguma|seu|sua) )*(?:humano|ser humano|pessoa real|pessoa de verdade|pessoa|atendente|agente|operador|operadora|representante|gerente|supervisor|supervisora|alguem|consultor|consultora|funcionario)\\b",
    ),
    g(
      "\\b(?:quero|preciso de|gostaria de|prefiro|exijo) (?:falar com )?(?:(?:um|uma|o|a) )*(?:humano|atendente|pessoa real|agente|operador|representante|gerente|supervisor)\\b",
    ),
    g("\\b(?:me transfira|me transfere|me passe|me passa|transfira me|passe me) (?:para|pra|com)\\b"),
    g("\\batendimento humano\\b"),
  ],
  negations: [
    g("\\bnao (?:quero|preciso|desejo|e necessario)(?: de)?(?: falar)?(?: com)? (?:um |uma )?(?:humano|atendente|pessoa|agente|operador)\\b"),
    g("\\bsem (?:falar com )?(?:um |uma )?(?:humano|atendente|pessoa|agente)\\b"),
  ],
};

const NL: LanguagePatterns = {
  requests: [
    g(
      "\\b(?:met|tot) (?:(?:een|de|het|uw|jullie|echte|echt|menselijke|levende) )*(?:mens|medewerker|medewerkster|persoon|agent|vertegenwoordiger|manager|leidinggevende|iemand|klantenservice)(?: \\w+){0,3}? (?:spreken|praten|chatten|verbonden|verbinden|bellen)\\b",
    ),
    g("\\b(?:spreken|praten|chatten) met (?:een |de )?(?:echte |echt |menselijke )?(?:mens|medewerker|medewerkster|persoon|iemand)\\b"),
    g(
      "\\b(?:wil|wil graag|graag|verbind|verbindt) (?:me |mij )?(?:met )?(?:een |de )?(?:echte |echt |menselijke )?(?:medewerker|medewerkster|mens|persoon)\\b",
    ),
  ],
  negations: [g("\\bgeen (?:echte |menselijke )?(?:mens|medewerker|persoon)\\b"), g("\\bniet (?:met )?(?:een )?(?:medewerker|mens|persoon)\\b")],
};

const PATTERNS: Record<DetectorLanguage, LanguagePatterns> = { en: EN, es: ES, fr: FR, de: DE, it: IT, pt: PT, nl: NL };

// Very short messages that are just a call for a person: "agent", "human please", "representative!!"
const BARE_PERSON = new Set([
  "human",
  "humans",
  "agent",
  "agents",
  "representative",
  "rep",
  "operator",
  "person",
  "manager",
  "supervisor",
  "humano",
  "agente",
  "asesor",
  "operador",
  "representante",
  "humain",
  "conseiller",
  "operateur",
  "mensch",
  "mitarbeiter",
  "operatore",
  "atendente",
  "medewerker",
]);
const BARE_FILLER = new Set([
  "a",
  "an",
  "the",
  "real",
  "live",
  "actual",
  "please",
  "now",
  "i",
  "want",
  "need",
  "customer",
  "service",
  "support",
  "hello",
  "hi",
  "hey",
  "get",
  "me",
  "give",
  "just",
  "immediately",
  "asap",
  "right",
  "yes",
  "talk",
  "speak",
  "to",
  "ok",
  "okay",
  "por",
  "favor",
  "svp",
  "bitte",
  "un",
  "una",
  "einen",
  "echten",
  "echte",
  "vrai",
  "vraie",
  "thanks",
  "thank",
  "you",
  "can",
  "could",
  "may",
  "have",
  "some",
  "sales",
  "chat",
]);

function isBarePersonCall(tokens: string[]): boolean {
  if (tokens.length === 0 || tokens.length > 5) return false;
  let sawPerson = false;
  for (const token of tokens) {
    if (BARE_PERSON.has(token)) sawPerson = true;
    else if (!BARE_FILLER.has(token)) return false;
  }
  return sawPerson;
}

interface Span {
  start: number;
  end: number;
  quote: string;
}

function collect(text: string, patterns: readonly RegExp[]): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, quote: m[0].trim() });
    }
  }
  return spans;
}

/** Result of the explicit-request check: the quote that matched, or why nothing fired. */
export interface ExplicitRequestMatch {
  matched: boolean;
  /** matched wording, for evidence */
  quote?: string;
  /** a request was present but negated ("I don't need a human") */
  negated?: boolean;
}

/**
 * Finds an explicit request for a person ("talk to a human", "hablar con un agente", "parler à un
 * conseiller", "mit einem Mitarbeiter sprechen") in the given languages (English always included).
 * Requests covered by a negation ("I don't need an agent") do not count.
 */
export function findExplicitRequest(message: NormalizedText, languages: readonly DetectorLanguage[]): ExplicitRequestMatch {
  const { text, tokens } = message;
  if (isBarePersonCall(tokens)) return { matched: true, quote: message.raw.slice(0, 60) };

  const active = new Set<DetectorLanguage>(["en", ...languages]);
  let negated = false;
  for (const language of active) {
    const patterns = PATTERNS[language];
    if (patterns.gate && !patterns.gate.test(text)) continue;
    const requests = collect(text, patterns.requests);
    if (requests.length === 0) continue;
    const negations = collect(text, patterns.negations);
    for (const request of requests) {
      const covered = negations.some((n) => n.start <= request.end && n.end >= request.start);
      if (!covered) return { matched: true, quote: request.quote };
      negated = true;
    }
  }
  return { matched: false, negated };
}
