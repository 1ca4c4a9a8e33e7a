// "No complaints", "not a complaint but can you add more colors", "can't complain": the message says it is no
// complaint. Read by the formal complaint rule (complaint.ts), the model's complaint head (model-findings.ts), which
// leans on the very word the message negates, and the routine public post (public-problem-report.ts). Eighth pass of
// issue 26 (decision 0089). The formal rule reads "plainte", "queja" and "Beschwerde" too, so their negations are
// here as well (normalized text: lower case, accents stripped).
import type { NormalizedText } from "./normalize";

const NO_COMPLAINT_RE = new RegExp(
  [
    // en
    "\\b(?:no|not|nothing to|never|zero|not (?:a|one)) complain",
    "\\bcan not complain\\b",
    // es: "no tengo ninguna queja", "no es una queja", "sin quejas", "no me quejo"
    "\\b(?:ninguna|ningun|sin|no es una?|no tengo) (?:\\w+ )?(?:queja|quejas|reclamo|reclamacion)\\b",
    "\\bno (?:me )?quejo\\b",
    // fr: "je n'ai aucune plainte", "ce n'est pas une plainte", "pas de réclamation", "je ne me plains pas"
    "\\b(?:aucune|pas de|pas une|sans) (?:\\w+ )?(?:plainte|plaintes|reclamation|reclamations)\\b",
    "\\bne me plains pas\\b",
    // de: "ich habe keine Beschwerde", "keine Reklamation", "ich will mich nicht beschweren"
    "\\b(?:keine|kein|ohne) (?:\\w+ )?(?:beschwerde|beschwerden|reklamation|reklamationen)\\b",
    "\\bnicht beschweren\\b",
  ].join("|"),
);

/** Whether the message says it is no complaint. */
export function saysNoComplaint(message: NormalizedText): boolean {
  return NO_COMPLAINT_RE.test(message.text);
}
