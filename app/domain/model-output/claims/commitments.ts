import { oneOf } from "../../escalation/lexicon/compile";
import type { ClaimKind } from "../claims";
import { I } from "./en";

// Commitments: an action only the shop's staff can take, stated as done or promised.
export const COMMITMENTS: Array<{ kind: ClaimKind; re: RegExp }> = [
  {
    kind: "refund",
    re: new RegExp(
      "\\b" +
        oneOf("refund", "reimbursement", "money", "credit") +
        "s? " +
        oneOf("has", "have", "had", "is", "was", "'s", "will be", "are") +
        " " +
        oneOf("already ", "now ", "just ", "been ", "being ") +
        "*(?:processed|issued|approved|initiated|sent|credited|granted|completed|refunded|on (?:its|the) way|arranged|submitted|authori[sz]ed)",
    ),
  },
  {
    kind: "refund",
    re: new RegExp(
      I +
        " " +
        oneOf(
          "processed",
          "issued",
          "approved",
          "initiated",
          "granted",
          "refunded",
          "credited",
          "arranged",
          "authori[sz]ed",
          "reimbursed",
          "sent",
          "put through",
          "started",
          "process",
          "issue",
          "approve",
          "initiate",
          "refund",
          "credit",
          "reimburse",
        ) +
        "\\w*\\b[^.!?]{0,40}\\b" +
        oneOf("refund", "money", "credit", "reimburse", "amount", "payment", "charge", "\\$", "€", "£"),
    ),
  },
  {
    kind: "refund",
    re: new RegExp(
      "\\b" +
        oneOf("reembolso", "devolucion", "remboursement", "erstattung", "ruckerstattung", "rimborso", "reembolso") +
        " [^.!?]{0,30}" +
        oneOf(
          "procesad",
          "emitid",
          "aprobad",
          "realizad",
          "tramitad",
          "effectue",
          "traite",
          "approuve",
          "emis",
          "veranlasst",
          "bearbeitet",
          "genehmigt",
          "ausgelost",
          "elaborat",
          "approvat",
          "emess",
          "processad",
          "aprovad",
          "efetuad",
          "feito",
        ),
    ),
  },
  {
    kind: "refund",
    re: new RegExp(
      "\\b" +
        oneOf("he", "hemos", "j'ai", "nous avons", "ich habe", "wir haben", "ho", "abbiamo") +
        " (?:\\w+ )?" +
        oneOf("reembolsado", "rembourse", "erstattet", "zuruckerstattet", "rimborsato") +
        "\\b|\\b(?:reembolsei|estornei)\\b",
    ),
  },
  {
    kind: "cancellation",
    re: new RegExp(
      I +
        " " +
        oneOf("cancel+ed", "cancel+ing", "cancel", "voided", "stopped", "halted") +
        "\\b[^.!?]{0,30}\\b" +
        oneOf("order", "subscription", "shipment", "purchase", "it"),
    ),
  },
  {
    kind: "cancellation",
    re: new RegExp(
      "\\b" +
        oneOf("order", "subscription", "shipment", "purchase") +
        "s? " +
        oneOf("has", "have", "is", "was", "'s", "will be") +
        " " +
        oneOf("already ", "now ", "just ", "been ", "being ") +
        "*" +
        oneOf("cancel+ed", "voided", "stopped"),
    ),
  },
  {
    kind: "cancellation",
    re: new RegExp(
      "\\b" +
        oneOf(
          "he",
          "hemos",
          "ha sido",
          "fue",
          "j'ai",
          "nous avons",
          "a ete",
          "est",
          "wurde",
          "habe",
          "haben",
          "ist",
          "ho",
          "abbiamo",
          "e stat[oa]",
          "foi",
          "foram",
        ) +
        "\\b [^.!?]{0,30}\\b" +
        oneOf("cancelado", "cancelada", "annulee?", "storniert", "annullat[oa]") +
        "\\b|\\bcancelei\\b|キャンセル" +
        oneOf("しました", "いたしました", "されました", "済み", "させていただきました"),
    ),
  },
  {
    kind: "discount",
    re: new RegExp(
      "\\b" +
        oneOf(
          "discount",
          "coupon",
          "promo",
          "voucher",
          "gift card",
          "store credit",
          "rabatt",
          "gutschein",
          "descuento",
          "cupon",
          "code promo",
          "bon de reduction",
          "sconto",
          "codice sconto",
          "desconto",
          "cupom",
        ) +
        "\\w*[^.!?]{0,30}" +
        oneOf(
          "issued",
          "created",
          "generated",
          "applied",
          "added",
          "sent",
          // "Gift cards can be used online" and "enter codes here at checkout" describe, they do not hand one out.
          "here(?:'s| is| are| you go)",
          "use (?:it|this|code|the code)\\b",
          "for you",
          ":",
          "emitid",
          "generad",
          "aplicad",
          "cree",
          "applique",
          "envoye",
          "erstellt",
          "angewendet",
          "ausgestellt",
          "creat",
          "applicat",
          "inviat",
          "criad",
          "aplicad",
        ),
    ),
  },
  // "You'll receive a full refund", "I'll send you a replacement", "We'll refund you"
  {
    kind: "refund",
    re: new RegExp(
      "\\byou(?:'ll| will) " +
        oneOf("receive", "get", "be getting", "be sent", "be issued") +
        " " +
        oneOf("a ", "your ", "the ") +
        "?" +
        oneOf("full ", "partial ", "free ") +
        "?" +
        oneOf("refund", "replacement", "credit", "discount", "compensation", "reimbursement"),
    ),
  },
  { kind: "refund", re: new RegExp(I + " " + oneOf("refund", "reimburs", "compensat") + "\\w*\\b") },
  {
    kind: "refund",
    re: new RegExp(
      I +
        " " +
        oneOf("send", "ship", "arrange", "organi[sz]e", "sent", "shipped", "arranged", "organi[sz]ed", "dispatch", "dispatched") +
        "\\w* (?:you )?" +
        oneOf("a ", "the ", "your ") +
        "?" +
        oneOf("new ", "free ", "brand new ") +
        "?" +
        oneOf("replacement", "new one", "refund", "credit"),
    ),
  },
  {
    kind: "refund",
    re: new RegExp(
      "\\b(?:recibiras|recibira) " +
        oneOf("un ", "el ", "tu ", "su ") +
        "?(?:reembolso|reemplazo)|\\bte (?:reembolsaremos|enviaremos un reemplazo)|\\bvous (?:serez rembourse|recevrez (?:un|votre) remboursement)" +
        "|\\bsie erhalten " +
        oneOf("eine", "ihre", "den") +
        " (?:ruck)?erstattung|\\briceverai (?:un|il) rimborso|\\b(?:voce )?recebera (?:um|o) reembolso",
    ),
  },
  {
    kind: "address_change",
    re: new RegExp(
      I +
        " (?:updated|changed|modified|edited|amended|put (?:it|your order) on hold|added a note to)\\w*\\b[^.!?]{0,20}\\b" +
        oneOf("order", "address", "details", "account"),
    ),
  },
  { kind: "address_change", re: new RegExp(I + " " + oneOf("taken care of", "sorted", "fixed", "resolved", "handled") + "\\b") },
  {
    kind: "discount",
    re: new RegExp(
      I +
        " " +
        oneOf("issued", "created", "generated", "applied", "added", "sent", "given", "give", "issue", "create", "apply", "add", "offer") +
        "\\w*\\b[^.!?]{0,30}\\b" +
        oneOf("discount", "coupon", "voucher", "code", "credit", "\\d+ ?% off", "gift card"),
    ),
  },
  {
    kind: "discount",
    re: new RegExp("\\b\\d{1,3} ?% " + oneOf("off", "discount", "de descuento", "de reduction", "rabatt", "di sconto", "de desconto") + "\\b|割引|クーポン"),
  },
  {
    kind: "address_change",
    re: new RegExp(
      "\\b" +
        oneOf("address", "adresse", "direccion", "anschrift", "indirizzo", "endereco") +
        "\\b[^.!?]{0,30}" +
        oneOf("has been", "was", "is now", "have", "'s been", "ha sido", "fue", "a ete", "wurde", "ist jetzt", "e stato", "foi") +
        " (?:\\w+ )?" +
        oneOf(
          "updated",
          "changed",
          "modified",
          "corrected",
          "actualizad",
          "cambiad",
          "modifiee?",
          "mise a jour",
          "corrigee?",
          "geandert",
          "aktualisiert",
          "korrigiert",
          "aggiornat",
          "modificat",
          "atualizad",
          "alterad",
        ),
    ),
  },
  {
    kind: "address_change",
    re: new RegExp(
      I +
        " " +
        oneOf("updated", "changed", "modified", "corrected", "update", "change", "modify", "correct") +
        "\\w*\\b[^.!?]{0,20}\\b" +
        oneOf("address", "shipping details", "delivery details"),
    ),
  },
  {
    kind: "delivery_promise",
    re: new RegExp(
      "\\b(?:guarantee[ds]?|guaranteeing|garantizad[oa]|garantiza(?:mos)?|garanti[es]?|garantiert|garantit[oa]|garantid[oa]|promise|prometo|promets" +
        "|verspreche|prometto)\\b",
    ),
  },
  {
    kind: "delivery_promise",
    re: new RegExp(
      "\\b" +
        oneOf("will", "'ll", "is going to", "going to") +
        "\\s" +
        oneOf("definitely ", "certainly ", "surely ", "absolutely ") +
        "?" +
        oneOf("arrive", "be delivered", "get to you", "reach you", "be there") +
        "\\b[^.!?]{0,25}\\b" +
        oneOf(
          "tomorrow",
          "today",
          "tonight",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "by the",
          "for sure",
          "on time",
          "in time",
        ),
    ),
  },
  {
    kind: "delivery_promise",
    re: new RegExp(
      "\\b(?:llegara|sera entregad[oa]|arrivera|sera livree?|kommt|wird (?:morgen|heute) " +
        oneOf("ankommen", "geliefert", "zugestellt") +
        "|arrivera|sara consegnat[oa]|chegara|sera entregue)\\b[^.!?]{0,20}\\b" +
        oneOf(
          "manana",
          "hoy",
          "demain",
          "aujourd'hui",
          "morgen",
          "heute",
          "domani",
          "oggi",
          "amanha",
          "hoje",
          "seguro",
          "sicher",
          "sans faute",
          "sicuramente",
          "com certeza",
        ),
    ),
  },
  {
    kind: "delivery_promise",
    re: new RegExp(
      oneOf("必ず", "確実に", "保証") +
        "[^。！？]{0,20}" +
        oneOf("届", "到着", "お届け", "配達") +
        "|" +
        oneOf("明日", "本日", "今日") +
        "[^。！？]{0,15}" +
        oneOf("届きます", "到着します", "お届けします", "配達されます"),
    ),
  },
  {
    kind: "refund",
    re: new RegExp("返金(?:処理)?" + oneOf("しました", "いたしました", "されました", "が完了", "を完了", "済み", "させていただきました", "いたします")),
  },
];
