import { oneOf } from "../../escalation/lexicon/compile";
import type { ClaimKind } from "../claims";

// A claim written as a status line ("Refund: approved ✅", "Reembolso: aprobado", "返金：承認済み",
// "Ticket: #4821 created"), in every language the guard lists. The check mark reads as "done".

const STATUS = oneOf(
  // en
  "approved",
  "issued",
  "processed",
  "confirmed",
  "granted",
  "done",
  "complete",
  "completed",
  "sent",
  "shipped",
  "dispatched",
  "authori[sz]ed",
  "accepted",
  "initiated",
  "created",
  "opened",
  "open",
  "escalated",
  "submitted",
  "forwarded",
  "assigned",
  "active",
  "applied",
  "added",
  "credited",
  "on (?:its|the) way",
  "yes",
  // es, pt, it (shared stems)
  "aprobad[oa]",
  "aprovad[oa]",
  "approvat[oa]",
  "emitid[oa]",
  "emess[oa]",
  "procesad[oa]",
  "processad[oa]",
  "elaborat[oa]",
  "confirmad[oa]",
  "confermat[oa]",
  "concedid[oa]",
  "concess[oa]",
  "enviad[oa]",
  "inviat[oa]",
  "spedit[oa]",
  "completad[oa]",
  "completat[oa]",
  "concluid[oa]",
  "realizad[oa]",
  "hecho",
  "feito",
  "fatto",
  "cread[oa]",
  "criad[oa]",
  "creat[oa]",
  "abiert[oa]",
  "abert[oa]",
  "apert[oa]",
  "escalad[oa]",
  "encaminhad[oa]",
  "inoltrat[oa]",
  "aplicad[oa]",
  "applicat[oa]",
  "anadid[oa]",
  "adicionad[oa]",
  "aggiunt[oa]",
  "sim",
  // fr
  "approuvee?",
  "acceptee?",
  "emise?",
  "effectuee?",
  "traitee?",
  "confirmee?",
  "accordee?",
  "envoyee?",
  "expediee?",
  "creee?",
  "ouverte?",
  "transmise?",
  "validee?",
  "oui",
  // de
  "genehmigt",
  "bestatigt",
  "erteilt",
  "ausgestellt",
  "veranlasst",
  "bearbeitet",
  "abgeschlossen",
  "erledigt",
  "versendet",
  "verschickt",
  "erstellt",
  "eroffnet",
  "weitergeleitet",
  "gutgeschrieben",
  "ja",
);
// "is", "has been", "now" between the label and its status.
const LINK = `(?:${oneOf("is", "has been", "was", "now", "est", "a ete", "ist", "wurde", "e stato", "e stata", "foi", "ha sido", "esta", "fue")}\\s+)*`;
const SEPARATOR = "(?:\\s+(?:status|estado|statut|stato)\\b)?\\s*[:\\-–—=]?\\s*";

const label = (...nouns: string[]) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${oneOf(...nouns)}${SEPARATOR}${LINK}${STATUS}\\b`, "u");

// "Your refund of $74.50 has been approved": the label's noun, a few words, then its status.
const REFUND_NOUNS = ["refund", "reimbursement", "reembolso", "remboursement", "(?:ruck)?erstattung", "rimborso"];
const stated = (...nouns: string[]) =>
  new RegExp(`\\b${oneOf(...nouns)}\\b(?:[^.!?]|[.,]\\d){0,30}?\\s${LINK.replace("*", "+")}(?:already |just |been |fully )*${STATUS}\\b`);

export const STATUS_LABELS: Array<{ kind: ClaimKind; re: RegExp }> = [
  { kind: "refund", re: stated(...REFUND_NOUNS) },
  { kind: "refund", re: label("refund", "reimbursement", "reembolso", "devolucion del dinero", "remboursement", "(?:ruck)?erstattung", "rimborso") },
  { kind: "store_credit", re: label("store credit", "credit", "gift card", "saldo", "credito", "avoir", "guthaben", "gutschrift", "buono") },
  {
    kind: "replacement",
    re: label(
      "replacement",
      "exchange",
      "reemplazo",
      "sustitucion",
      "remplacement",
      "echange",
      "ersatz\\w*",
      "umtausch",
      "sostituzione",
      "substituicao",
      "troca",
    ),
  },
  {
    kind: "handoff",
    re: new RegExp(
      `(?:^|[^\\p{L}\\p{N}])${oneOf("escalation", "ticket", "case", "hand-?off", "caso", "dossier", "demande", "fall", "anfrage", "pratica", "chamado")}` +
        `${SEPARATOR}${LINK}(?:#?[a-z]*\\d+|${STATUS})\\b`,
      "u",
    ),
  },
  // Japanese: no spaces, no word boundaries; the label may be followed by が/は.
  { kind: "refund", re: new RegExp(`返金(?:処理)?[:は がを]*(?:${oneOf("承認", "完了", "確定", "処理済", "手配済")})`) },
  // "返金手続きが完了しました": a few characters between, then done.
  {
    kind: "refund",
    re: new RegExp(
      `返金[^。！？]{0,8}${oneOf("承認", "完了", "確定", "手配", "実行")}${oneOf("しました", "いたしました", "されました", "済み", "させていただきました")}`,
    ),
  },
  { kind: "replacement", re: new RegExp(`(?:交換品?|代替品)[:は が]*(?:${oneOf("発送済", "発送完了", "手配済", "承認")})`) },
  { kind: "handoff", re: new RegExp(`(?:エスカレーション|チケット|お問い合わせ)[:は が]*(?:${oneOf("完了", "済み", "作成済", "発行済")})`) },
];
