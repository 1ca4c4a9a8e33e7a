import type { NormalizedText } from "./normalize";
import type { EscalationTopic } from "./types";

// Topic for functional routing when no signal already implies one. Ordered: money first (refund,
// billing), then delivery, product, account, order.

const TOPIC_RULES: [EscalationTopic, RegExp][] = [
  ["refund", /\b(?:refund\w*|reimburs\w*|money back|return(?:ing|ed|s)?|reembolso|devolucion|remboursement|ruckerstattung|erstattung|rimborso|retour)\b/],
  [
    "billing",
    /\b(?:charge[ds]?|charging|billing|billed|bill|invoice\w*|payment\w*|paid|pay|card|paypal|price|overcharged|subscription|cobro|factura|paiement|facture|zahlung|rechnung|pagamento|fattura)\b/,
  ],
  [
    "shipping",
    /\b(?:ship\w*|deliver\w*|track\w*|package|parcel|courier|carrier|usps|ups|fedex|dhl|arriv\w*|transit|address|envio|entrega|livraison|colis|lieferung|versand|paket|spedizione|consegna)\b/,
  ],
  [
    "product",
    /\b(?:damaged|broken|defective|faulty|wrong (?:item|size|colou?r)|size|quality|product\w*|item\w*|stock|ingredient\w*|material\w*|fit|fits|warranty|producto|produit|produkt|prodotto)\b/,
  ],
  ["account", /\b(?:account|log ?in|login|password|sign ?in|sign ?up|profile|email address|newsletter|cuenta|compte|konto)\b/],
  ["order", /\b(?:order\w*|cancel\w*|purchase\w*|bought|pedido|commande|bestellung|ordine)\b/],
];

/** Guesses what a message is about from its words; "other" when nothing matches. */
export function guessTopic(message: NormalizedText | undefined): EscalationTopic {
  if (!message) return "other";
  for (const [topic, pattern] of TOPIC_RULES) if (pattern.test(message.text)) return topic;
  return "other";
}
