import type { ShopperRequest } from "../escalation";
import { asksWhatIf } from "../escalation/asks-what-if";
import { botQuestionSpans } from "../escalation/bot-question";
import { oneOf } from "../escalation/lexicon/compile";
import { readMessage } from "../escalation/message-memo";

// What a shopper asks for, in the widget's four languages, read from folded text (lower case, no
// accents: "envío" → "envio", "Größe" → "große"). The detector reads the mood; these lexicons read the
// problem, so a case says "wants to cancel" rather than "is upset" (issue 23). One list per request,
// each language on its own line, so a reviewer fluent in one language can check its words.

const w = (...alternatives: string[]) => new RegExp(`\\b${oneOf(...alternatives)}`);

/** Problems a question about what would happen names without having them (issue 26, decision 0089). */
const WHAT_IF_PROBLEMS: ReadonlySet<ShopperRequest> = new Set(["wrong_item", "damaged_item", "missing_parcel", "stalled_order"]);

/** Requests in the order they are tried: the more specific problem first ("wrong address" is not a wrong item). */
const REQUESTS: ReadonlyArray<[ShopperRequest, RegExp]> = [
  [
    "change_address",
    w(
      "(?:change|update|correct|fix|edit|modify)\\b.{0,30}\\b(?:address|adress)",
      "wrong (?:shipping |delivery )?address",
      "(?:ship|send|deliver) it to (?:a |my )?(?:new|different|another|other) address",
      "new address",
      "(?:cambiar|corregir|modificar)\\b.{0,25}\\bdireccion",
      "direccion (?:incorrecta|equivocada|mal)",
      "(?:changer|modifier|corriger)\\b.{0,25}\\badresse",
      "adresse (?:incorrecte|erronee|fausse)",
      "mauvaise adresse",
      "(?:liefer|versand)?adresse\\b.{0,25}\\b(?:andern|aendern|korrigieren|anpassen)",
      "(?:andern|aendern|korrigieren)\\b.{0,25}\\b(?:liefer)?adresse",
      "falsche (?:liefer)?adresse",
      "neue (?:liefer)?adresse",
    ),
  ],
  [
    "cancel_order",
    w(
      "cancel(?! ?ed\\b)(?:l?ation)?\\b",
      "(?:cancelar|anular)\\b",
      "cancelacion",
      "annuler\\b",
      "annulation",
      "storn(?:ieren|o|ierung)\\b",
      "bestellung (?:zuruckziehen|abbrechen)",
    ),
  ],
  [
    "wrong_item",
    w(
      "wrong (?:item|product|thing|colou?r|size|one|order|article)",
      "not what i (?:ordered|bought|paid for)",
      "(?:sent|got|received|shipped) (?:me )?(?:the )?wrong",
      "(?:producto|articulo|talla|color|pedido) (?:equivocad[oa]|incorrect[oa])",
      "no es lo que (?:pedi|he pedido|compre)",
      "(?:me )?(?:enviaron|mandaron|llego) (?:otro|otra) ",
      "(?:mauvais|mauvaise) (?:article|produit|taille|couleur|commande)",
      "(?:article|produit) (?:errone|incorrect)",
      "pas ce que j'ai commande",
      "falsche[nrs]? (?:artikel|produkt|gro(?:ss|ß)e|farbe|ware|lieferung)",
      "nicht (?:das|was) ich bestellt",
    ),
  ],
  [
    "damaged_item",
    w(
      "broken",
      "damaged",
      "cracked",
      "smashed",
      "shattered",
      "defective",
      "faulty",
      "torn",
      "ripped",
      "(?:doesn'?t|does not|don'?t|stopped) work(?:ing)?",
      "rot[oa]s?\\b",
      "danad[oa]s?",
      "estropead[oa]s?",
      "defectuos[oa]s?",
      "rajad[oa]",
      "no funciona",
      "cassee?s?",
      "abimee?s?",
      "endommagee?s?",
      "defectueu(?:x|se)",
      "fissuree?",
      "ne (?:fonctionne|marche) (?:pas|plus)",
      "kaputt",
      "beschadigt",
      "zerbrochen",
      "defekt",
      "gebrochen",
      "funktioniert nicht",
      "gerissen",
    ),
  ],
  [
    "missing_parcel",
    w(
      "(?:says|shows|marked|listed|showing)\\b.{0,25}\\bdelivered\\b.{0,40}\\b(?:but|yet|not|never|haven'?t|didn'?t|nothing|no)\\b",
      "never (?:arrived|came|showed up|got (?:it|them|my)|received)",
      "(?:haven'?t|have not|didn'?t|did not|never) (?:received|gotten|got) (?:it|them|my|the|anything|a thing)",
      "nothing (?:has )?(?:arrived|came|was delivered)",
      "(?:package|parcel|order|delivery) (?:is |was |went )?(?:missing|lost|stolen)",
      "(?:missing|lost|stolen) (?:package|parcel|order|delivery)",
      "(?:dice|pone|aparece|figura)\\b.{0,20}\\bentregad[oa]\\b.{0,40}\\b(?:pero|no)\\b",
      "nunca (?:me )?(?:llego|ha llegado|recibi|lo recibi)",
      "no (?:me )?(?:ha llegado|llego) nada",
      "no (?:lo |la |los |las )?(?:he recibido|recibi)",
      "(?:paquete|pedido) (?:perdido|robado)",
      "(?:indique|marque|affiche)\\b.{0,20}\\blivree?\\b.{0,40}\\b(?:mais|pas|jamais|rien)\\b",
      "(?:n'est |ne sont )?jamais (?:arrivee?s?|recue?s?)",
      "(?:rien|pas) (?:recu|ete livre)",
      "je n'ai (?:jamais |rien |pas )(?:recu|eu)",
      "(?:colis|commande) (?:perdue?|volee?)",
      "(?:nie|nicht|nichts) (?:angekommen|erhalten|bekommen|geliefert)",
      "als zugestellt\\b.{0,40}\\b(?:aber|nicht|nichts|nie)\\b",
      "(?:paket|sendung|bestellung) (?:ist )?(?:verloren|gestohlen|verschwunden)",
    ),
  ],
  [
    "stalled_order",
    w(
      "(?:tracking|status)\\b.{0,20}\\b(?:hasn'?t|has not|didn'?t|isn'?t|is not|not|won'?t|never) " +
        "(?:moved|changed|updated|been updated|moving|changing|updating)",
      "(?:tracking|status|package|parcel|order)\\b.{0,15}\\b(?:stuck|frozen|stalled)",
      "no (?:tracking )?(?:updates?|movement) (?:for|in|since)",
      "still (?:hasn'?t|has not|not|isn'?t) (?:been )?(?:shipped|sent|dispatched)",
      "(?:seguimiento|rastreo|estado)\\b.{0,20}\\b(?:no se (?:ha )?(?:movido|actualizado|mueve)|sigue igual|parado|estancado|atascado)",
      "sin (?:actualizaciones?|movimiento)",
      "todavia no (?:se )?(?:ha )?(?:sido )?(?:enviado|enviad[oa]|salido)",
      "suivi\\b.{0,30}\\b(?:n'a pas bouge|ne bouge (?:pas|plus)|bloque|n'evolue pas|pas (?:ete )?mis a jour)",
      "toujours pas (?:ete )?(?:expediee?|envoyee?|partie?)",
      "aucune (?:mise a jour|nouvelle|evolution)",
      "(?:sendungsverfolgung|tracking|status)\\b.{0,30}\\b(?:bewegt sich nicht|hat sich nicht|andert sich nicht|hangt|steht still|unverandert)",
      "immer noch nicht (?:versandt|verschickt|unterwegs)",
      "keine (?:aktualisierung|updates?|bewegung)",
    ),
  ],
  [
    "change_item",
    w(
      "(?:change|swap|exchange|switch)\\b.{0,30}\\b(?:size|colou?r|variant)",
      "(?:different|bigger|smaller|larger) (?:size|one|colou?r)",
      "(?:a|the) size (?:up|down)",
      "(?:cambiar|cambio)\\b.{0,25}\\b(?:talla|color|tamano|numero)",
      "(?:otra|otro) (?:talla|color|tamano)",
      "talla (?:mas (?:grande|pequena)|menos|mayor|menor)",
      "(?:changer|echanger|echange)\\b.{0,25}\\b(?:taille|couleur|pointure)",
      "(?:autre|une) (?:taille|couleur|pointure)",
      "taille (?:au-dessus|en dessous|plus grande|plus petite)",
      "(?:gro(?:ss|ß)e|farbe)\\b.{0,25}\\b(?:andern|aendern|tauschen|umtauschen|wechseln)",
      "(?:andere|grossere|großere|kleinere) (?:gro(?:ss|ß)e|farbe)",
      "umtausch(?:en)?",
    ),
  ],
  [
    "refund",
    w(
      "(?:want|need|like|get|have|give me|issue|expect|demand)\\b.{0,15}\\b(?:a |my )?(?:refund|money back)",
      "refund (?:me|my|the|this|it)",
      "(?:quiero|necesito|exijo|deseo)\\b.{0,25}\\b(?:reembolso|mi dinero|devuelvan el dinero)",
      "reembols(?:ar|en|adme|ame)",
      "devuelvan (?:mi|el) dinero",
      "(?:veux|voudrais|exige|souhaite)\\b.{0,25}\\b(?:rembourse|remboursement|mon argent)",
      "remboursez",
      "(?:will|mochte|hatte gern|brauche|verlange|mochten)\\b.{0,25}\\b(?:erstattung|mein geld|geld zuruck|ruckerstattung)",
      "erstatten sie",
      "geld zuruck",
    ),
  ],
  [
    "return_item",
    w(
      "return (?:it|this|that|my|the|an?|them|these|those|something|some)\\b",
      "send (?:it|them|this) back",
      "(?:want|like|need|how|can|could) (?:to |do |i )?(?:i )?return\\b",
      "devolver",
      "hacer una devolucion",
      "retourner",
      "renvoyer",
      "faire un retour",
      "zuruck(?:schicken|senden|geben)",
      "retournieren",
    ),
  ],
  [
    "billing",
    w(
      "(?:charged|billed) (?:me )?(?:twice|two times|double|too much)",
      "double (?:charged|charge|billed)",
      "overcharged",
      "payment (?:failed|declined|issue|problem)",
      "cobrad[oa] dos veces",
      "cobro (?:doble|duplicado)",
      "me (?:han )?cobrado (?:dos veces|de mas)",
      "debite deux fois",
      "preleve deux fois",
      "double (?:debit|prelevement)",
      "doppelt (?:abgebucht|belastet|berechnet|bezahlt)",
      "zu viel berechnet",
    ),
  ],
  [
    "account",
    w(
      "(?:my|the) account",
      "password",
      "(?:can'?t|cannot) (?:log|sign) ?in",
      "mi cuenta",
      "contrasena",
      "mon compte",
      "mot de passe",
      "(?:mein|meinem|meinen) (?:kunden)?konto",
      "passwort",
    ),
  ],
  [
    "talk_to_person",
    w(
      "(?:talk|speak|chat) (?:to|with) (?:a |an |some ?one|the )?(?:real )?(?:human|person|someone|agent|representative|rep|staff|team|manager)",
      "(?:a |an )?(?:human|real person|agent) please",
      "hablar con (?:una persona|un humano|alguien|un agente|el equipo)",
      "parler (?:a|avec) (?:une personne|un humain|quelqu'un|un conseiller|l'equipe)",
      "(?:mit )?(?:einem menschen|einer person|jemandem|einem mitarbeiter|dem team) (?:sprechen|reden)",
    ),
  ],
];

/** The problem the message names ("cancel my order" → cancel_order), or null when it names none. */
export function readRequest(folded: string): ShopperRequest | null {
  for (const [request, pattern] of REQUESTS) {
    if (!pattern.test(folded)) continue;
    // "if the item arrives damaged, can I return it?" asks about the returns policy, not about a damaged item
    if (WHAT_IF_PROBLEMS.has(request) && asksWhatIf(readMessage(folded).normalized)) continue;
    return request;
  }
  return null;
}

// The conversation is over for the shopper: a goodbye, "that's all", "never mind", a decline that
// says they will handle it themselves. Also the widget's own decline under the email field.
const CLOSING = w(
  "that'?s (?:all|it|everything)(?: i needed)?",
  "(?:all|i'?m) (?:good|set|sorted|done|fine)",
  "bye+",
  "goodbye",
  "see (?:ya|you)",
  "cya",
  "never ?mind",
  "forget it",
  "no,? thanks?",
  "no thank you",
  "nothing else",
  "i'?ll (?:sort|figure|deal|handle|take care|contact|call|ask|wait|check)",
  "type a reply instead",
  "eso es todo",
  "nada mas",
  "ya esta",
  "adios",
  "hasta luego",
  "chao",
  "olvidalo",
  "no importa",
  "da igual",
  "no,? gracias",
  "todo bien",
  "lo (?:resuelvo|resolvere|arreglo|soluciono|hablo)",
  "prefiero escribir",
  "c'est tout",
  "rien d'autre",
  "au revoir",
  "a plus",
  "laisse(?:z)? tomber",
  "pas grave",
  "non,? merci",
  "tout va bien",
  "ca ira",
  "je vais (?:me debrouiller|voir|m'arranger|contacter|appeler)",
  "ecrire une reponse",
  "das war'?s",
  "das ist alles",
  "sonst nichts",
  "tschuss",
  "auf wiedersehen",
  "ciao",
  "vergiss es",
  "egal",
  "nein,? danke",
  "alles gut",
  "alles klar",
  "passt schon",
  "ich (?:klare|regle|kummere mich|melde mich)",
  "lieber eine antwort schreiben",
);

/** The shopper is done ("never mind, thanks", "nein danke, alles gut", "no thanks, I'll sort it with the carrier"). */
export function isClosing(folded: string): boolean {
  return CLOSING.test(folded);
}

/** "Am I talking to a bot?" — answered honestly, whatever the state. */
export function asksIfBot(folded: string): boolean {
  // One vocabulary with the detector, which must not hand over a shopper for asking (escalation/bot-question.ts).
  return botQuestionSpans(readMessage(folded).normalized).length > 0;
}
