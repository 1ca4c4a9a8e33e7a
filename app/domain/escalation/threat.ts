import type { NormalizedText } from "./normalize";

// Threats that put money or reputation at risk: a chargeback, legal action, a regulator, a bad
// review or a public post. Any of them means the merchant should answer personally and soon.

/** Which kind of threat the shopper makes; drives the reason text and priority. */
export type ThreatKind = "chargeback" | "legal" | "regulator" | "review" | "social";

/** A threat found in one message. */
export interface ThreatMatch {
  kind: ThreatKind;
  quote: string;
}

const THREATS: [ThreatKind, RegExp][] = [
  [
    "chargeback",
    /\b(?:charge ?backs?|dispute (?:the |this |my |a )?(?:charge|transaction|payment|purchase)|(?:open|file|start|raise) (?:a )?(?:dispute|claim) (?:with|through) (?:my |the )?(?:bank|card|credit card|paypal|visa|mastercard|amex)|(?:call|contact|tell|ask|going to|go to|report (?:you|this|it) to) (?:my |the )?(?:bank|credit card company|card issuer|paypal)|(?:cancel|stop|reverse|block) (?:the )?payment (?:with|through) (?:my )?bank|contracargo|retrocesion|retrofacturacion|retrofacturation|rejet de paiement|ruckbuchung|lastschrift zuruck|storno)\b/,
  ],
  [
    "legal",
    /\b(?:(?:my|our) (?:lawyers?|attorneys?|solicitors?|legal (?:team|counsel|department))|(?:i|we) (?:will|would|am going to|are going to|shall|may|might|could|can|have|am|are|plan to|intend to) (?:\w+ ){0,3}(?:sue|suing|lawyer|attorney|solicitor|legal action|court|lawsuit)|(?:get|hire|call|contact|involve|consult) (?:a |my |an )?(?:lawyer|attorney|solicitor)|legal (?:action|steps|proceedings)|(?:sue|suing) (?:you|your|them|the company|this|the store|the shop)|take (?:you|this|it|them) to court|small claims|class action|lawsuit|abogad[oa]s?|demandar(?:los|te|les)?|denunciar(?:los|te|les)?|avocats?|poursuivre|porter plainte|tribunal|anwalt|anwaltin|rechtsanwalt|verklagen|klage einreichen|avvocat[oi]|denunciare|querela|advogad[oa]|processar|advocaat|rechtszaak)\b/,
  ],
  [
    "regulator",
    /\b(?:better business bureau|bbb|ftc|trading standards|consumer (?:protection|rights|affairs|ombudsman|council|agency)|ombudsman|attorney general|report (?:you|this|your (?:company|store|shop)|the (?:company|store|shop)) to|(?:call|contact|go to|involve) (?:the )?(?:authorities|police)|profeco|dgccrf|verbraucherzentrale|verbraucherschutz)\b/,
  ],
  [
    "review",
    /\b(?:(?:bad|negative|terrible|horrible|scathing|honest|1 ?star|one ?star|zero ?star|awful|poor) (?:review|rating|feedback)s?|(?:leave|write|post|give|giving|leaving|writing|posting) (?:you )?(?:a |an )?(?:\w+ )?(?:review|rating)s? (?:everywhere|on (?:trustpilot|yelp|google|amazon|facebook|every))|trustpilot|yelp|(?:warn|tell) (?:everyone|everybody|all my friends|other (?:people|customers|buyers)|others)|mala resena|mauvais avis|schlechte bewertung|recensione negativa)\b/,
  ],
  [
    "social",
    /\b(?:(?:i|we) (?:will|am going to|are going to|shall|might|may|could|can|am gonna|plan to) (?:\w+ ){0,3}(?:post|share|put|tweet|write|tell|blast|expose)\b(?: \w+){0,6}? (?:social media|twitter|facebook|instagram|tiktok|reddit|youtube|linkedin|online|the internet|everyone|everybody)|go(?:ing)? (?:public|viral) with|expose (?:you|your|this)|name and shame|(?:contact|tell|go to|call) (?:the )?(?:press|media|news)|redes sociales|reseaux sociaux|sozialen medien)\b/,
  ],
];

const NEGATED_THREAT_RE =
  /\b(?:not|never|no need to|do not want to|rather not|without) (?:going to |want to |trying to |planning to )?(?:sue|leave a bad review|file a chargeback|do a chargeback|involve (?:a )?lawyers?|call my bank|take legal action)\b/;

/**
 * Finds a threat of chargeback, legal action, regulator complaint, bad review or public post.
 * A message that rules the threat out ("I don't want to sue anyone") does not count.
 */
export function findThreat(message: NormalizedText): ThreatMatch | undefined {
  const { text } = message;
  for (const [kind, pattern] of THREATS) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (NEGATED_THREAT_RE.test(text)) return undefined;
    return { kind, quote: m[0].trim() };
  }
  return undefined;
}

/** Human words for a threat kind, used in the reason text. */
export function describeThreat(kind: ThreatKind): string {
  switch (kind) {
    case "chargeback":
      return "threatens chargeback";
    case "legal":
      return "threatens legal action";
    case "regulator":
      return "threatens to report to a regulator";
    case "review":
      return "threatens a bad review";
    case "social":
      return "threatens to go public on social media";
  }
}
