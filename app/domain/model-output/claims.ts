// Claims the model may never make: that a person was told / a case exists (only the pure core
// knows, and it says so itself), or that the shop did something it did not (refund, cancellation,
// discount, address change, delivery guarantee). Checked by meaning in the widget's languages
// (en, es, fr, de) plus it, pt and ja, active and passive. Offers and questions ("Would you like me
// to connect you with a person?", "I can check that") are not claims.

export type ClaimKind = "handoff" | "refund" | "cancellation" | "discount" | "address_change" | "delivery_promise" | "authority";

/** Lower case, accents and typographic quotes folded, so one pattern covers "transféré"/"transfere". */
export function foldText(text: string): string {
  return (
    text
      .normalize("NFKD")
      // Latin diacritics only: Japanese voicing marks (U+3099) are part of the letter.
      .replace(/[\u0300-\u036f]/g, "")
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`´]/g, "'")
      .replace(/\s+/g, " ")
  );
}

const TEAM = String.raw`(?:team|staff|colleague|coworker|manager|supervisor|agent|human|person|people|someone|specialist|department|support|billing|warehouse|owner|merchant|representative|rep|crew|store|shop)`;
// Communication verbs only: "we make our mugs with a small team" is no hand-off.
const HANDOFF_VERB = String.raw`(?:escalat|forward|notif|flag|alert|inform|told|tell|pass|hand|sen[dt]|email|e-mail|messag|contact|ping|loop|transferr?|refer|assign|reach|relay|report|let|mention|connected|brought|bring)`;
const I = String.raw`\b(?:i|we)(?:'ve|'ll|'m|'re| have| has| will| am| are| just| already| now| also| went ahead and| have gone ahead and| 've gone ahead and)*`;
// Objects that make "send / open / create" a hand-off rather than a shipment ("hemos enviado tu pedido").
const CASE_ES = String.raw`(?:equipo|caso|ticket|solicitud|consulta|reclamo|reclamacion|incidencia|agente|companer|soporte|responsable|encargad)`;
const CASE_FR = String.raw`(?:equipe|dossier|ticket|demande|reclamation|conseiller|collegue|service client|support|responsable)`;
const CASE_DE = String.raw`(?:team|fall|ticket|anfrage|anliegen|kolleg|mitarbeiter|support|kundenservice|reklamation|beschwerde)`;
const CASE_IT = String.raw`(?:team|caso|ticket|richiesta|segnalazione|pratica|collega|operatore|supporto|assistenza|responsabile)`;
const CASE_PT = String.raw`(?:equipe|equipa|caso|ticket|chamado|solicitacao|pedido de suporte|reclamacao|atendente|colega|suporte|responsavel)`;

const HANDOFF: RegExp[] = [
  // "I've let the team know", "I've flagged this for a colleague", "we've notified our staff"
  new RegExp(String.raw`${I} ${HANDOFF_VERB}\w*\b[^.!?\n]{0,60}\b${TEAM}s?\b`),
  // "I'm escalating this now", "I've escalated it", "I've opened a ticket"
  new RegExp(String.raw`${I} (?:escalat|forward|transferr?)\w*\b`),
  new RegExp(
    String.raw`${I} (?:open|creat|fil|log|submit|rais|register)\w* (?:a|an|the|your)?\s?(?:support |new |priority |formal )?(?:ticket|case|request|claim|report|complaint)`,
  ),
  // passive: "Our team has been notified", "your case has been forwarded", "a ticket is open"
  new RegExp(
    String.raw`\b(?:${TEAM}|they)s? (?:has|have|had|is|are|was|were|'s|'re) (?:already |now |just |been |being |fully )*(?:notified|informed|alerted|told|made aware|aware|in touch|on it|looking into|contacted|looped in|in the loop)`,
  ),
  /\b(?:ticket|case|request|claim|complaint|report|inquiry|enquiry)s? (?:has|have|had|is|are|was|were|'s) (?:already |now |just |been |being )*(?:escalated|forwarded|flagged|sent|passed|handed|opened|open|created|filed|logged|submitted|raised|registered|transferred|assigned|referred|reported|with (?:our|the))/,
  /\b(?:it|this|that|everything|your (?:issue|problem|message|question|details)|the issue|the problem)(?: has| have|'s| is| was) (?:already |now |just |been |being )*(?:escalated|forwarded|flagged|passed on|passed along|handed over|handed off|reported|logged|assigned|referred|relayed|noted for)/,
  // future by someone else: "the team will reach out", "someone will get back to you"
  new RegExp(
    String.raw`\b(?:${TEAM}|they|one of us|one of our \w+)s? (?:will|'ll|is going to|are going to|shall|should|is about to) (?:\w+ ){0,2}(?:reach|contact|email|e-mail|call|get back|be in touch|follow up|reply|respond|write|look into|review|handle|take care|get in touch|ring|message)`,
  ),
  // es
  /\b(?:he|hemos|ya he|ya hemos|lo he|la he|le he|les he|los he|lo hemos|le hemos|se lo he|se lo hemos) (?:\w+ )?(?:escalado|notificado|avisado|informado|comunicado|derivado|remitido|trasladado|transferido|reenviado)\b/,
  new RegExp(
    String.raw`\b(?:he|hemos|ya he|ya hemos|lo he|le he|lo hemos) (?:\w+ )?(?:enviado|pasado|abierto|creado|registrado|levantado|marcado)\b[^.!?]{0,40}${CASE_ES}`,
  ),
  /\b(?:estoy|estamos|voy a|vamos a) (?:escaland|derivand|notificand|transfiriend|avisand|escalar|derivar|notificar|avisar|transferir|pasar (?:tu|su) caso|enviar (?:tu|su) caso)/,
  /\b(?:ha sido|han sido|fue|fueron|esta siendo|ya fue|ya ha sido|quedo|queda) (?:\w+ )?(?:escalad|notificad|informad|avisad|derivad|transferid|remitid|reenviad)/,
  new RegExp(String.raw`${CASE_ES}\w* (?:\w+ ){0,3}(?:ha sido|fue|esta|quedo|queda) (?:\w+ )?(?:abiert|cread|registrad|enviad)`),
  /\bse (?:le |les |te )?(?:ha|han) (?:\w+ )?(?:notificado|informado|avisado|escalado|reenviado|derivado|transferido|comunicado)/,
  /\b(?:el equipo|nuestro equipo|alguien|un agente|una persona|un companero|una companera|un especialista|el personal|soporte)\b[^.!?]{0,30}\b(?:se pondra en contacto|te contactara|le contactara|te escribira|le escribira|te respondera|le respondera|se comunicara|te llamara|le llamara|se pondran|va a contactar|va a escribir|ya esta al tanto|esta al tanto|ha sido informad|fue informad|ha sido notificad|fue notificad)/,
  // fr
  /\b(?:j'ai|nous avons|je viens de|nous venons de|on a|je l'ai|nous l'avons|je vous ai) (?:bien )?(?:transmis|transmettre|transfere|transferer|escalade|escalader|fait suivre|signale|signaler|prevenu|prevenir|notifie|alerte|remonte|remonter|relaye)\b/,
  new RegExp(
    String.raw`\b(?:j'ai|nous avons|je viens d'|on a) ?(?:bien )?(?:envoye|envoyer|ouvert|ouvrir|cree|creer|enregistre|informe|contacte)\b[^.!?]{0,40}${CASE_FR}`,
  ),
  /\b(?:je|nous) (?:transmets|transmettons|transfere|transferons|escalade|escaladons|signale|signalons|previens|prevenons|fais suivre|faisons suivre|remonte|remontons)\b/,
  /\b(?:a ete|ont ete|a bien ete|ont bien ete|vient d'etre|viennent d'etre|est|sont) (?:\w+ )?(?:transmise?s?|transferee?s?|escaladee?s?|signalee?s?|prevenue?s?|informee?s?|notifiee?s?|alertee?s?|remontee?s?)\b/,
  new RegExp(String.raw`${CASE_FR}\w* (?:\w+ ){0,3}(?:a ete|a bien ete|est|vient d'etre) (?:\w+ )?(?:ouverte?|creee?|enregistree?|envoyee?)`),
  /\b(?:l'equipe|notre equipe|quelqu'un|un conseiller|une conseillere|un agent|un collegue|une collegue|le service client|le support)\b[^.!?]{0,30}\b(?:vous contactera|vous recontactera|va vous contacter|reviendra vers vous|vous repondra|vous ecrira|prendra contact|vous appellera|est au courant|est informee?|a ete informee?|a ete prevenue?)/,
  // de
  /\b(?:ich|wir) (?:habe|haben|hab) [^.!?]{0,50}(?:weitergeleitet|weitergegeben|eskaliert|ubergeben|informiert|benachrichtigt|gemeldet|verstandigt|bescheid gegeben|bescheid gesagt)\b/,
  new RegExp(String.raw`\b(?:ich|wir) (?:habe|haben|hab) [^.!?]{0,50}${CASE_DE}[^.!?]{0,30}(?:gesendet|geschickt|erstellt|eroffnet|angelegt|markiert)\b`),
  new RegExp(
    String.raw`\b(?:ich|wir) (?:leite|leiten|eskaliere|eskalieren|gebe|geben|melde|melden|informiere|informieren|benachrichtige|benachrichtigen|ubergebe|ubergeben)\b[^.!?]{0,40}\b(?:weiter|${CASE_DE})`,
  ),
  /\b(?:wurde|wurden|ist|sind|wird|werden) [^.!?]{0,40}(?:weitergeleitet|weitergegeben|eskaliert|ubergeben|informiert|benachrichtigt|verstandigt)\b/,
  new RegExp(String.raw`${CASE_DE}\w* [^.!?]{0,30}(?:wurde|ist|wird) [^.!?]{0,20}(?:eroffnet|angelegt|erstellt|gemeldet)\b`),
  /\b(?:das team|unser team|jemand|ein mitarbeiter|eine mitarbeiterin|ein kollege|eine kollegin|der support|der kundenservice|das support-team)\b[^.!?]{0,40}\b(?:wird|werden) [^.!?]{0,30}(?:melden|kontaktieren|antworten|schreiben|zuruckrufen|anrufen|in verbindung setzen|kummern)/,
  // it
  /\b(?:ho|abbiamo|l'ho|l'abbiamo|gia) (?:\w+ )?(?:inoltrato|trasferito|segnalato|avvisato|informato|notificato|girato|escalato|scalato)\b/,
  new RegExp(String.raw`\b(?:ho|abbiamo|l'ho|l'abbiamo) (?:\w+ )?(?:inviato|passato|aperto|creato|registrato|comunicato|contattato)\b[^.!?]{0,40}${CASE_IT}`),
  /\b(?:e stat[oaie]|sono stat[oaie]|e gia stat[oaie]|viene|vengono) (?:\w+ )?(?:inoltrat|trasferit|segnalat|avvisat|informat|notificat|escalat)/,
  new RegExp(String.raw`${CASE_IT}\w* (?:\w+ ){0,3}(?:e stat[oa]|e gia stat[oa]|risulta) (?:\w+ )?(?:apert|creat|registrat|inviat)`),
  /\b(?:il team|il nostro team|qualcuno|un collega|una collega|un operatore|un'operatrice|il supporto|il personale|l'assistenza)\b[^.!?]{0,30}\b(?:ti contattera|la contattera|vi contattera|ti ricontattera|la ricontattera|ti rispondera|le rispondera|ti scrivera|le scrivera|si mettera in contatto|e stato informato|e al corrente)/,
  // pt
  /\b(?:encaminhei|encaminhamos|transferi|notifiquei|notificamos|avisei|avisamos|repassei|repassamos|escalei|escalamos|acionei|sinalizei)\b/,
  new RegExp(String.raw`\b(?:enviei|enviamos|abri|abrimos|criei|criamos|registrei|registramos|informei|comuniquei|passei)\b[^.!?]{0,40}${CASE_PT}`),
  /\b(?:foi|foram|ja foi|esta sendo|sera) (?:\w+ )?(?:encaminhad|transferid|notificad|avisad|informad|repassad|escalad|acionad)/,
  new RegExp(String.raw`${CASE_PT}\w* (?:\w+ ){0,3}(?:foi|ja foi|esta) (?:\w+ )?(?:abert|criad|registrad|enviad)`),
  /\b(?:a equipe|a equipa|nossa equipe|a nossa equipa|alguem|um atendente|uma atendente|um colega|o suporte)\b[^.!?]{0,30}\b(?:entrara em contato|vai entrar em contato|ira contatar|vai te contatar|vai contatar|respondera|vai responder|entrara em contacto|ja esta ciente|foi informad|foi notificad)/,
];

// Japanese has no word boundaries or case: patterns on the raw (folded) text.
const HANDOFF_JA: RegExp[] = [
  /(?:担当|スタッフ|チーム|サポート|専門|係|窓口|人間|オペレーター)[^。！？]{0,20}(?:転送|連絡|エスカレーション|引き継|引継|伝え|共有|報告|通知|回し|つなぎ|繋ぎ)(?:し|いたし|させていただき|され)?(?:ました|ております|ています|済み|ておきました)/,
  /(?:転送|エスカレーション|引き継ぎ|引継ぎ|通知|報告)(?:しました|いたしました|済み|されました|させていただきました)/,
  /(?:から|より)[^。！？]{0,10}(?:ご連絡|連絡|メール|ご返信|返信)(?:いたします|します|させていただきます|があります|が届きます|差し上げます)/,
  /(?:チケット|ケース|問い合わせ)[^。！？]{0,10}(?:作成|発行|登録|起票)(?:しました|されました|いたしました|済み)/,
];

// Commitments: an action only the shop's staff can take, stated as done or promised.
const COMMITMENTS: Array<{ kind: ClaimKind; re: RegExp }> = [
  {
    kind: "refund",
    re: /\b(?:refund|reimbursement|money|credit)s? (?:has|have|had|is|was|'s|will be|are) (?:already |now |just |been |being )*(?:processed|issued|approved|initiated|sent|credited|granted|completed|refunded|on (?:its|the) way|arranged|submitted|authori[sz]ed)/,
  },
  {
    kind: "refund",
    re: new RegExp(
      String.raw`${I} (?:processed|issued|approved|initiated|granted|refunded|credited|arranged|authori[sz]ed|reimbursed|sent|put through|started|process|issue|approve|initiate|refund|credit|reimburse)\w*\b[^.!?]{0,40}\b(?:refund|money|credit|reimburse|amount|payment|charge|\$|€|£)`,
    ),
  },
  {
    kind: "refund",
    re: /\b(?:reembolso|devolucion|remboursement|erstattung|ruckerstattung|rimborso|reembolso) [^.!?]{0,30}(?:procesad|emitid|aprobad|realizad|tramitad|effectue|traite|approuve|emis|veranlasst|bearbeitet|genehmigt|ausgelost|elaborat|approvat|emess|processad|aprovad|efetuad|feito)/,
  },
  {
    kind: "refund",
    re: /\b(?:he|hemos|j'ai|nous avons|ich habe|wir haben|ho|abbiamo) (?:\w+ )?(?:reembolsado|rembourse|erstattet|zuruckerstattet|rimborsato)\b|\b(?:reembolsei|estornei)\b/,
  },
  {
    kind: "cancellation",
    re: new RegExp(String.raw`${I} (?:cancel+ed|cancel+ing|cancel|voided|stopped|halted)\b[^.!?]{0,30}\b(?:order|subscription|shipment|purchase|it)`),
  },
  {
    kind: "cancellation",
    re: /\b(?:order|subscription|shipment|purchase)s? (?:has|have|is|was|'s|will be) (?:already |now |just |been |being )*(?:cancel+ed|voided|stopped)/,
  },
  {
    kind: "cancellation",
    re: /\b(?:he|hemos|ha sido|fue|j'ai|nous avons|a ete|est|wurde|habe|haben|ist|ho|abbiamo|e stat[oa]|foi|foram)\b [^.!?]{0,30}\b(?:cancelado|cancelada|annulee?|storniert|annullat[oa])\b|\bcancelei\b|キャンセル(?:しました|いたしました|されました|済み|させていただきました)/,
  },
  {
    kind: "discount",
    re: /\b(?:discount|coupon|promo|voucher|gift card|store credit|rabatt|gutschein|descuento|cupon|code promo|bon de reduction|sconto|codice sconto|desconto|cupom)\w*[^.!?]{0,30}(?:issued|created|generated|applied|added|sent|here|use|for you|:|emitid|generad|aplicad|cree|applique|envoye|erstellt|angewendet|ausgestellt|creat|applicat|inviat|criad|aplicad)/,
  },
  // "You'll receive a full refund", "I'll send you a replacement", "We'll refund you"
  {
    kind: "refund",
    re: /\byou(?:'ll| will) (?:receive|get|be getting|be sent|be issued) (?:a |your |the )?(?:full |partial |free )?(?:refund|replacement|credit|discount|compensation|reimbursement)/,
  },
  { kind: "refund", re: new RegExp(String.raw`${I} (?:refund|reimburs|compensat)\w*\b`) },
  {
    kind: "refund",
    re: new RegExp(
      String.raw`${I} (?:send|ship|arrange|organi[sz]e|sent|shipped|arranged|organi[sz]ed|dispatch|dispatched)\w* (?:you )?(?:a |the |your )?(?:new |free |brand new )?(?:replacement|new one|refund|credit)`,
    ),
  },
  {
    kind: "refund",
    re: /\b(?:recibiras|recibira) (?:un |el |tu |su )?(?:reembolso|reemplazo)|\bte (?:reembolsaremos|enviaremos un reemplazo)|\bvous (?:serez rembourse|recevrez (?:un|votre) remboursement)|\bsie erhalten (?:eine|ihre|den) (?:ruck)?erstattung|\briceverai (?:un|il) rimborso|\b(?:voce )?recebera (?:um|o) reembolso/,
  },
  {
    kind: "address_change",
    re: new RegExp(
      String.raw`${I} (?:updated|changed|modified|edited|amended|put (?:it|your order) on hold|added a note to)\w*\b[^.!?]{0,20}\b(?:order|address|details|account)`,
    ),
  },
  { kind: "address_change", re: new RegExp(String.raw`${I} (?:taken care of|sorted|fixed|resolved|handled)\b`) },
  {
    kind: "discount",
    re: new RegExp(
      String.raw`${I} (?:issued|created|generated|applied|added|sent|given|give|issue|create|apply|add|offer)\w*\b[^.!?]{0,30}\b(?:discount|coupon|voucher|code|credit|\d+ ?% off|gift card)`,
    ),
  },
  { kind: "discount", re: /\b\d{1,3} ?% (?:off|discount|de descuento|de reduction|rabatt|di sconto|de desconto)\b|割引|クーポン/ },
  {
    kind: "address_change",
    re: /\b(?:address|adresse|direccion|anschrift|indirizzo|endereco)\b[^.!?]{0,30}(?:has been|was|is now|have|'s been|ha sido|fue|a ete|wurde|ist jetzt|e stato|foi) (?:\w+ )?(?:updated|changed|modified|corrected|actualizad|cambiad|modifiee?|mise a jour|corrigee?|geandert|aktualisiert|korrigiert|aggiornat|modificat|atualizad|alterad)/,
  },
  {
    kind: "address_change",
    re: new RegExp(
      String.raw`${I} (?:updated|changed|modified|corrected|update|change|modify|correct)\w*\b[^.!?]{0,20}\b(?:address|shipping details|delivery details)`,
    ),
  },
  {
    kind: "delivery_promise",
    re: /\b(?:guarantee[ds]?|guaranteeing|garantizad[oa]|garantiza(?:mos)?|garanti[es]?|garantiert|garantit[oa]|garantid[oa]|promise|prometo|promets|verspreche|prometto)\b/,
  },
  {
    kind: "delivery_promise",
    re: /\b(?:will|'ll|is going to|going to)\s(?:definitely |certainly |surely |absolutely )?(?:arrive|be delivered|get to you|reach you|be there)\b[^.!?]{0,25}\b(?:tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|by the|for sure|on time|in time)/,
  },
  {
    kind: "delivery_promise",
    re: /\b(?:llegara|sera entregad[oa]|arrivera|sera livree?|kommt|wird (?:morgen|heute) (?:ankommen|geliefert|zugestellt)|arrivera|sara consegnat[oa]|chegara|sera entregue)\b[^.!?]{0,20}\b(?:manana|hoy|demain|aujourd'hui|morgen|heute|domani|oggi|amanha|hoje|seguro|sicher|sans faute|sicuramente|com certeza)/,
  },
  {
    kind: "delivery_promise",
    re: /(?:必ず|確実に|保証)[^。！？]{0,20}(?:届|到着|お届け|配達)|(?:明日|本日|今日)[^。！？]{0,15}(?:届きます|到着します|お届けします|配達されます)/,
  },
  { kind: "refund", re: /返金(?:処理)?(?:しました|いたしました|されました|が完了|を完了|済み|させていただきました|いたします)/ },
];

// Only for text the support team reads: model words that pretend to be the system or a person
// with authority ("Identity verified by Baton", "Manager pre-approved a full refund").
const AUTHORITY: RegExp[] = [
  /\b(?:verified|authenticated|confirmed identity|identity (?:is |was |has been )?(?:verified|confirmed)|pre-?approved|approved|authori[sz]ed|sanctioned|cleared|waived|override|overridden|instructed|per (?:the )?(?:manager|policy exception)|by baton|baton (?:has|verified|confirmed)|system note|admin note|manager note|do not (?:verify|check)|no need to (?:verify|check))\b/,
];

const NEGATION =
  /\b(?:no|not|don't|do not|doesn't|does not|can't|cannot|unable|isn't|aren't|never|pas|nicht|kein|keine|keinen|non|nao|nunca|ningun|ninguna)\b|n't\b/;

/** The first kind of claim the text makes, or null. Questions and offers are not claims. */
export function findClaim(text: string, options: { audience?: "shopper" | "team"; evidence?: string } = {}): ClaimKind | null {
  const folded = foldText(text);
  const evidence = foldText(options.evidence ?? "");
  for (const sentence of splitSentences(folded)) {
    // "Would you like me to let the team know?" offers; it does not claim.
    if (/\?\s*$|？\s*$/.test(sentence)) continue;
    if (HANDOFF.some((re) => re.test(sentence)) || HANDOFF_JA.some((re) => re.test(sentence))) return "handoff";
    const negated = NEGATION.test(sentence);
    for (const c of COMMITMENTS) {
      if (!c.re.test(sentence)) continue;
      // "We don't offer discount codes" states a limit, not a commitment.
      if (negated && c.kind === "discount") continue;
      // A verified order that really is cancelled/refunded may be described as such.
      if (c.kind === "cancellation" && /cancel/.test(evidence)) continue;
      if (c.kind === "refund" && /"financial_status":"(?:partially_)?refunded"/.test(evidence)) continue;
      return c.kind;
    }
    if (options.audience === "team" && AUTHORITY.some((re) => re.test(sentence))) return "authority";
  }
  return null;
}

/** Sentences of folded text (Latin and CJK punctuation, line breaks). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|(?<=[。！？])|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
