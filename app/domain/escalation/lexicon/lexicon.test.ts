import { describe, expect, it } from "vitest";
import { detectEscalation } from "../detect-escalation";
import { DETECTOR_LANGUAGES, defaultEscalationSettings } from "../settings";
import type { ReasonCode } from "../types";
import { LEXICONS } from "./index";

// Each language's lexicon reaches the signal it is written for. Rules only (the model is English),
// with every language switched on, as a shop that serves all of them would.
const settings = { ...defaultEscalationSettings, languages: [...DETECTOR_LANGUAGES] };
const judge = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, settings, { model: null });

describe("lexicons per language", () => {
  it.each<[string, string, ReasonCode]>([
    ["es", "quiero hablar con un agente por favor", "explicit_request"],
    ["fr", "je voudrais parler à un conseiller", "explicit_request"],
    ["de", "ich möchte mit einem Mitarbeiter sprechen", "explicit_request"],
    ["pt", "quero falar com um atendente", "explicit_request"],
    ["nl", "ik wil met een medewerker spreken", "explicit_request"],
    ["es", "humano por favor", "explicit_request"],
    ["de", "einen echten Mitarbeiter bitte", "explicit_request"],
    ["es", "voy a hablar con mi abogado y los voy a demandar", "threat"],
    ["fr", "je vais faire un rejet de paiement", "threat"],
    ["de", "ich schreibe eine schlechte Bewertung in den sozialen Medien", "threat"],
    ["it", "lascerò una recensione negativa", "threat"],
    ["pt", "vou processar vocês, falei com meu advogado", "threat"],
    ["nl", "ik neem een advocaat, dit wordt een rechtszaak", "threat"],
    ["es", "tengo alergia, me dio una intoxicación", "sensitive_topic"],
    ["fr", "supprimer mes données personnelles s'il vous plaît", "sensitive_topic"],
    ["de", "bitte meine Daten löschen, Datenschutz", "sensitive_topic"],
    ["it", "cancellare i miei dati personali", "sensitive_topic"],
    ["pt", "apagar os meus dados por favor", "sensitive_topic"],
    ["es", "quiero un reembolso de mi pedido", "authority_limit"],
    ["fr", "remboursez moi", "authority_limit"],
    ["de", "ich möchte eine Rückerstattung für meine Bestellung", "authority_limit"],
    ["it", "vorrei un rimborso per il mio ordine", "authority_limit"],
    ["pt", "quero um reembolso da minha encomenda", "authority_limit"],
    ["es", "mi paquete no ha llegado, quiero poner una queja", "complaint"],
    ["fr", "le produit est arrivé cassé, est défectueux", "complaint"],
    ["de", "mein Paket ist nicht angekommen, ich will mich beschweren", "complaint"],
    ["it", "è arrivato rotto", "complaint"],
    ["pt", "a encomenda não chegou, quero fazer uma reclamação", "complaint"],
    ["nl", "het pakket is kapot en beschadigd", "complaint"],
    // eighth pass: feminine and plural participles, and "arrivée" is not the English typo target "arrived"
    ["fr", "la lampe est arrivée cassée", "complaint"],
    ["fr", "ma commande n'est toujours pas arrivée", "complaint"],
    ["fr", "j'ai reçu un vase cassé", "complaint"],
    ["es", "los vasos llegaron rotos", "complaint"],
    ["es", "el pedido vino dañado", "complaint"],
    ["es", "estoy muy enojado, es una vergüenza", "negative_sentiment"],
    ["fr", "j'en ai marre, c'est inadmissible, je suis furieux", "negative_sentiment"],
    ["de", "ich bin so wütend, das ist eine Frechheit", "negative_sentiment"],
    ["it", "sono arrabbiato, è inaccettabile, che schifo", "negative_sentiment"],
    ["pt", "estou irritado, é um absurdo ridículo", "negative_sentiment"],
    ["nl", "ik ben boos en woedend, belachelijk en onacceptabel", "negative_sentiment"],
  ])("%s: %s → %s", (_, text, reason) => {
    expect(judge(text).reasons).toContain(reason);
  });

  it.each<[string, string]>([
    ["es", "no necesito hablar con un agente"],
    ["fr", "pas besoin de parler à un humain"],
    ["de", "ich brauche keinen Mitarbeiter"],
    ["pt", "não quero falar com um atendente"],
    ["nl", "geen medewerker nodig"],
    ["es", "hola buenos dias"],
    ["fr", "bonjour merci"],
    ["de", "hallo guten tag danke"],
    ["fr", "ma commande est bien arrivée, merci"],
    ["es", "no tengo ninguna queja, ¿envían a Bélgica?"],
  ])("%s: %s stays with the assistant", (_, text) => {
    expect(judge(text).escalate).toBe(false);
  });

  it.each<[string, string, string]>([
    ["es", "el cobro de mi factura está mal", "billing"],
    ["fr", "livraison du colis", "shipping"],
    ["de", "Zahlung und Rechnung, mein Konto", "billing"],
    ["it", "spedizione e consegna del prodotto", "shipping"],
    ["nl", "retour van mijn bestelling", "refund"],
  ])("%s routing words: %s → %s", (_, text, topic) => {
    expect(judge(text).topic).toBe(topic);
  });
});

describe("lexicon entries merged across languages", () => {
  // Anger words and shorthand from all languages are merged into one table, where a later language
  // would silently replace an earlier language's weight or expansion for the same word.
  it.each(["angerWords", "shorthand"] as const)("no %s entry is defined by two languages", (slot) => {
    const owners = new Map<string, string[]>();
    for (const [language, lexicon] of Object.entries(LEXICONS))
      for (const word of Object.keys(lexicon[slot] ?? {})) owners.set(word, [...(owners.get(word) ?? []), language]);
    expect([...owners].filter(([, languages]) => languages.length > 1)).toEqual([]);
  });
});
