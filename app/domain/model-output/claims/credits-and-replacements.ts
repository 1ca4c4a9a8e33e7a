import { oneOf } from "../../escalation/lexicon/compile";
import type { ClaimKind } from "../claims";

// Store credit put on an account, and replacements on their way: things only the shop's staff can
// do, stated as done, in every language the guard lists. Policies ("store credit can be used on
// any order") name them without claiming one was given.

const ACCOUNT = oneOf(
  "your (?:store )?(?:account|wallet|balance|profile)",
  "(?:tu|su) (?:cuenta|monedero|saldo|perfil)",
  "(?:votre|ton) (?:compte|solde|portefeuille|profil)",
  "(?:ihr(?:em)?|dein(?:em)?) (?:kundenkonto|konto|guthaben|profil)",
  "(?:tuo|suo) (?:account|conto|profilo|saldo)",
  "(?:sua|tua) conta",
);

const AMOUNT = "(?:[$€£¥]\\s?\\d|\\d+(?:[.,]\\d+)?\\s?(?:[$€£¥]|usd|eur|gbp|dollars?|euros?|dolares|ドル|円))";
const NOW = "\\b" + oneOf("now", "already", "ya", "deja", "desormais", "maintenant", "bereits", "jetzt", "nun", "gia", "ora", "adesso", "agora") + "\\b";

export const CREDITS: Array<{ kind: ClaimKind; re: RegExp }> = [
  // "I've added $50 in store credit to your account", "$50 has been credited to your account"
  {
    kind: "store_credit",
    re: new RegExp(
      "\\b" +
        oneOf(
          "added",
          "credited",
          "applied",
          "loaded",
          "issued",
          "put",
          "deposited",
          "anadid[oa]s?",
          "agregad[oa]s?",
          "abonad[oa]s?",
          "acreditad[oa]s?",
          "cargad[oa]s?",
          "ajoutee?s?",
          "creditee?s?",
          "versee?s?",
          "gutgeschrieben",
          "hinzugefugt",
          "aufgeladen",
          "angerechnet",
          "aggiunt[oaie]",
          "accreditat[oaie]",
          "caricat[oaie]",
          "adicionad[oa]s?",
          "creditad[oa]s?",
          "carregad[oa]s?",
        ) +
        "\\b(?:[^.!?]|[.,]\\d){0,40}?\\b" +
        oneOf("to", "on", "in", "into", "a", "en", "sur", "dans", "al", "sul", "nel", "na", "em") +
        " " +
        ACCOUNT,
    ),
  },
  // "A store credit of $50 is now on your account", "Tienes un crédito de tienda de 50 $ en tu cuenta": an amount or "now" makes it a fact.
  {
    kind: "store_credit",
    re: new RegExp(
      "\\b" +
        oneOf("store credit", "credit", "gift card", "voucher", "saldo", "credito", "avoir", "bon d'achat", "guthaben", "gutschein", "buono", "vale") +
        "\\b(?:[^.!?]|[.,]\\d){0,40}?" +
        oneOf(AMOUNT, NOW) +
        "(?:[^.!?]|[.,]\\d){0,25}?\\b" +
        oneOf("on", "in", "en", "sur", "dans", "auf", "sul", "nel", "na", "em") +
        " " +
        ACCOUNT,
    ),
  },
  { kind: "store_credit", re: new RegExp(ACCOUNT + "[^.!?]{0,30}\\b" + oneOf("gutgeschrieben", "aufgeladen", "credited")) },
  {
    kind: "store_credit",
    re: new RegExp(
      oneOf("ストアクレジット", "クレジット", "ポイント", "残高", "アカウント") +
        "[^。！？]{0,20}" +
        oneOf("付与", "追加", "反映", "チャージ", "加算") +
        oneOf("しました", "いたしました", "されました", "済み", "させていただきました"),
    ),
  },
];

// "A new mug" is a replacement; "your new mug" is what the shopper bought (its order may be on its way).
const NEW_THING = oneOf(
  "replacement",
  "new one",
  "an? new \\w+",
  "another one",
  "exchange",
  "substitute",
  "reemplazo",
  "sustituto",
  "producto de reemplazo",
  "un nuevo \\w+",
  "una nueva \\w+",
  "remplacement",
  "article de remplacement",
  "echange",
  "un nouvel? \\w+",
  "une nouvelle \\w+",
  "ersatz\\w*",
  "umtausch\\w*",
  "ein(?:e|en)? neue[rsn]? \\w+",
  "sostitut\\w*",
  "ricambio",
  "un(?:a|o)? nuov[oa] \\w+",
  "substitu\\w*",
  "troca",
  "um novo \\w+",
  "uma nova \\w+",
);
const ON_ITS_WAY = oneOf(
  // en
  "is being (?:shipped|sent|dispatched|prepared|packed)",
  "(?:is|are|has been|have been|was|will be|'s|gets?) (?:now |already |just |also )*" +
    "(?:shipped|sent|dispatched|on (?:its|the) way|posted|mailed|arranged|approved|processed)",
  "ships (?:today|tomorrow|out)",
  // es
  "se (?:envia|enviara|despacha|despachara)",
  "(?:ha|han) sido enviad",
  "fue enviad",
  "(?:ya )?esta en camino",
  "sale hoy",
  "ha salido",
  // fr
  "(?:est|a ete|sera|vient d'etre) (?:bien )?(?:expedie|envoye|en route|en chemin|parti)",
  // de
  "(?:wird|wurde|ist) (?:heute |bereits |schon |jetzt |morgen )*(?:verschickt|versendet|versandt|unterwegs|auf dem weg|losgeschickt|abgeschickt)",
  // it
  "(?:viene|e stat[oa]|sara|e gia stat[oa]|e in) (?:gia |oggi )*(?:spedit|inviat|viaggio|arrivo)",
  // pt
  "(?:sera|foi|esta sendo|e|esta) (?:hoje |ja )*(?:enviad|despachad|expedid|a caminho|em transito)",
);

// Money on its way back without the word refund: "$74.50 is on its way back to your card".
export const MONEY_BACK: Array<{ kind: ClaimKind; re: RegExp }> = [
  {
    kind: "refund",
    re: new RegExp(
      "\\b" +
        oneOf(
          "on (?:its|the) way back",
          "being (?:returned|refunded|sent back|credited back)",
          "(?:returned|refunded|sent back|credited back|credited)",
          "de vuelta",
          "devuelto",
          "reembolsad[oa]",
          "rembourse",
          "recredite",
          "zuruckgebucht",
          "zuruckerstattet",
          "rimborsat[oa]",
          "riaccreditat[oa]",
          "estornad[oa]",
          "devolvid[oa]",
        ) +
        "\\b[^.!?]{0,20}\\b" +
        oneOf("to|on|in|a|en|sur|auf|sulla|sul|no|na") +
        " (?:your|tu|su|votre|ihre|ihr|la tua|il tuo|o seu|a sua|seu|sua) " +
        oneOf("card", "bank", "account", "payment method", "tarjeta", "cuenta", "carte", "compte", "karte", "konto", "carta", "conto", "cartao", "conta"),
    ),
  },
];

export const REPLACEMENTS: Array<{ kind: ClaimKind; re: RegExp }> = [
  { kind: "replacement", re: new RegExp("\\b" + NEW_THING + "s?\\b[^.!?]{0,30}?\\b" + ON_ITS_WAY) },
  // "We're sending you a replacement", "nous vous renvoyons un nouvel article", "wir schicken Ihnen Ersatz"
  {
    kind: "replacement",
    re: new RegExp(
      "\\b" +
        oneOf(
          "(?:i|we)(?:'re| are|'m| am|'ll| will|'ve| have)? " +
            "(?:sending|shipping|dispatching|mailing|posting|reshipp\\w*|resend\\w*|re-?sen[dt]\\w*|re-?shipp?\\w*)",
          "te enviaremos",
          "le enviaremos",
          "te enviamos",
          "vamos a enviarte",
          "(?:nous|je) vous (?:envoyons|renvoyons|expedions|envoie|renvoie|enverrons|renverrons)",
          "(?:wir|ich) (?:schicken|senden|schicke|sende|verschicken|verschicke)",
          "(?:ti|vi|le) (?:spediamo|inviamo|mandiamo|spedisco|invio|spediremo|invieremo)",
          "(?:enviaremos|vamos enviar|enviamos|enviarei|vou enviar)",
        ) +
        "\\b[^.!?]{0,25}?\\b" +
        oneOf(
          "replacement",
          "new one",
          "new",
          "another",
          "substitute",
          "reemplazo",
          "nuevo",
          "nueva",
          "otro",
          "otra",
          "remplacement",
          "nouvel?",
          "nouvelle",
          "autre",
          "ersatz",
          "neue[rsn]?",
          "sostitut\\w*",
          "nuov[oa]",
          "un altro",
          "substitu\\w*",
          "novo",
          "nova",
          "outro",
          "outra",
        ),
    ),
  },
  {
    kind: "replacement",
    re: new RegExp(
      oneOf("交換品", "代替品", "新しい商品", "新しい品", "交換") +
        "[^。！？]{0,20}" +
        oneOf("発送", "送付", "お送り", "配送", "出荷") +
        oneOf("いたします", "します", "しました", "いたしました", "されました", "済み", "中", "させていただきます"),
    ),
  },
];
