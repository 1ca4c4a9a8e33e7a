// A shop assistant never asks for payment data, passwords or one-time codes: nothing it can do needs
// them, and a steered model asking for them is phishing in the shop's name. A sentence that names
// such a secret and asks for it (a request verb that is not negated, a question, or a form label
// "Card number:") is refused, in every language the guard lists. "Never share your password"
// names a secret but asks for nothing.

import { oneOf } from "../escalation/lexicon/compile";
import { claimText } from "./claim-text";
import { foldText, splitSentences } from "./claims";

// Secrets, folded (lower case, no accents), per language.
const SECRETS = [
  // en
  "(?:credit |debit |bank )?card(?:'s)? (?:number|details|info\\w*|digits|pin)",
  "full card",
  "\\d{2}-?digit (?:card )?number",
  "number on (?:the front of )?(?:your|the) card",
  "digits on the back",
  "cvv2?",
  "cvc2?",
  "csc",
  "security code",
  "card code",
  "(?:expiry|expiration|exp\\.?) date",
  "pin (?:code|number)",
  "your pin",
  "password",
  "passcode",
  "passphrase",
  "online banking",
  "bank(?:ing)? (?:login|log-in|log in|credentials|details|password|username|user name)",
  "log ?-?in (?:details|credentials|info\\w*)",
  "one-time (?:code|password|passcode|pin)",
  "otp",
  "verification code",
  "2fa",
  "two-factor",
  "authentication code",
  "authenticator",
  "sms code",
  "(?:login|sign-in) code",
  "code (?:we|i) (?:just )?(?:sent|texted|emailed)",
  "code you (?:just )?(?:received|got)",
  // es
  "numero de (?:tu |su |la )?tarjeta",
  "datos de (?:tu |su |la )?tarjeta",
  "codigo de seguridad",
  "fecha de (?:caducidad|vencimiento|expiracion)",
  "contrasena",
  "clave (?:de acceso|secreta|bancaria)",
  "codigo (?:de verificacion|de un solo uso|otp|de confirmacion|sms|que te (?:hemos )?enviado|que (?:te )?enviamos)",
  "banca (?:en linea|online|electronica)",
  "usuario (?:de|del) (?:tu |su )?(?:banco|banca)",
  // fr
  "numero de (?:votre |ta |la )?carte",
  "coordonnees bancaires",
  "donnees de (?:votre |ta |la )?carte",
  "cryptogramme",
  "code de securite",
  "date d'expiration",
  "mot de passe",
  "code (?:pin|confidentiel|de verification|a usage unique|unique|recu par sms|sms|otp|de confirmation)",
  "identifiants?",
  "banque en ligne",
  // de
  "(?:kredit)?kartennummer",
  "kartendaten",
  "karteninformationen",
  "(?:karten)?prufnummer",
  "sicherheitscode",
  "ablaufdatum",
  "gultig(?:keitsdatum| bis)",
  "passwort",
  "kennwort",
  "bestatigungscode",
  "verifizierungscode",
  "einmal(?:code|passwort|kennwort)",
  "(?:sms|push|mobile)-?tan",
  "tan-?nummer",
  "sms-code",
  "online-?banking\\S*",
  "(?:bank)?zugangsdaten",
  "anmeldedaten",
  // it
  "numero (?:della|di) (?:tua |sua )?carta",
  "dati della (?:tua |sua )?carta",
  "codice di sicurezza",
  "data di scadenza",
  "codice (?:di verifica|otp|monouso|usa e getta|di conferma|sms|ricevuto)",
  "credenziali",
  "home banking",
  // pt
  "numero do (?:seu |teu )?cartao",
  "dados do (?:seu |teu )?cartao",
  "codigo de seguranca",
  "data de validade",
  "senha",
  "codigo (?:de verificacao|otp|de uso unico|de confirmacao|sms|que (?:voce )?recebeu)",
  "internet banking",
  "dados de acesso",
];
const SECRETS_JA = [
  "カード番号",
  "クレジットカード",
  "セキュリティコード",
  "有効期限",
  "パスワード",
  "暗証番号",
  "認証コード",
  "確認コード",
  "ワンタイム",
  "ネットバンキング",
  "ログイン情報",
  "口座情報",
];
const SECRET = new RegExp(`\\b${oneOf(...SECRETS)}\\b|${oneOf(...SECRETS_JA)}`);

// Asking: imperatives and "I need", per language (folded).
const ASKS = [
  // en
  "send",
  "share",
  "give",
  "provide",
  "tell",
  "type",
  "enter",
  "confirm",
  "reply with",
  "respond with",
  "paste",
  "post",
  "write",
  "need",
  "require",
  "read me",
  "let me know",
  "submit",
  "what(?:'s| is| are)",
  "verify",
  "include",
  "drop",
  "ask for",
  // es
  "envia\\w*",
  "envie\\w*",
  "manda\\w*",
  "mande\\w*",
  "compart[ae]\\w*",
  "indica\\w*",
  "indique\\w*",
  "dame",
  "deme",
  "dime",
  "digame",
  "dimelo",
  "escrib[ae]",
  "introduc[ez]\\w*",
  "ingres[ae]\\w*",
  "confirm[ae]\\w*",
  "proporcion[ae]\\w*",
  "facilit[ae]\\w*",
  "necesit\\w+",
  "cual(?:es)? (?:es|son)",
  // fr
  "envoye[zr]",
  "envoie",
  "communique[zr]?",
  "donne[zr]?",
  "indique[zr]?",
  "partage[zr]?",
  "tape[zr]",
  "saisi(?:ssez|r|s)",
  "entre[zr]",
  "fourni(?:ssez|r)",
  "besoin",
  "quel(?:le)?s? (?:est|sont)",
  "transmette[zr]",
  // de
  "senden",
  "sende",
  "schicken",
  "schick",
  "geben",
  "gib",
  "teilen",
  "teile",
  "nennen",
  "nenne",
  "mitteilen",
  "eingeben",
  "angeben",
  "bestatigen",
  "brauche\\w*",
  "benotige\\w*",
  "wie lautet",
  // it
  "invia\\w*",
  "inviare",
  "manda\\w*",
  "fornisci\\w*",
  "fornire",
  "comunica\\w*",
  "dimmi",
  "scrivi\\w*",
  "inserisci\\w*",
  "conferma\\w*",
  "condividi\\w*",
  "indica\\w*",
  "bisogno",
  "qual e",
  // pt
  "envie\\w*",
  "envia\\w*",
  "mande\\w*",
  "informe\\w*",
  "compartilhe\\w*",
  "partilhe\\w*",
  "digite\\w*",
  "insira\\w*",
  "confirme\\w*",
  "forneca\\w*",
  "diga\\w*",
  "precis\\w+",
  "qual (?:e|sao)",
];
const ASKS_JA = [
  "教えて",
  "お教え",
  "ご教示",
  "お知らせ",
  "送って",
  "お送り",
  "送信",
  "入力",
  "ご記入",
  "記入",
  "共有",
  "ご提供",
  "提供",
  "お伝え",
  "伝えて",
  "必要",
  "お願い",
];
const ASK = new RegExp(`\\b${oneOf(...ASKS)}\\b|${oneOf(...ASKS_JA)}`);

// A negation and the few words around it ("please never share", "teilen Sie niemals", "ne
// partagez jamais"), within one clause: "don't worry, just send it" still asks.
const NEGATED = new RegExp(
  "(?:[^\\s,;:.!?]+ ){0,2}\\b" +
    oneOf("never", "not", "don't", "do not", "won't", "nunca", "jamas", "no", "ne", "n'", "jamais", "niemals", "nie", "nicht", "non", "mai", "nao") +
    // "Don't hesitate to send…", "n'hésitez pas à envoyer…" negate nothing.
    "\\b(?! " +
    oneOf("hesitate", "worry", "forget", "be afraid", "dudes", "dude", "hesites", "hesitez", "zogern", "zogere", "esitare", "esiti", "hesite") +
    ")(?: [^\\s,;:.!?]+){0,3}" +
    "|" +
    oneOf("共有", "送信", "入力", "お送り", "送", "教え", "伝え") +
    "(?:し)?ないで|絶対に|(?:お伺い|お聞き|求め|尋ね)(?:する)?ことは(?:ありません|ございません)",
  "g",
);

// Helping a shopper reset their own password names it without asking for it.
const HELP_WITH_PASSWORD = new RegExp(
  "\\b(?:reset|forgot\\w*|change|update|recover) (?:your |the |a )?password\\b|\\bpassword reset\\b" +
    "|\\b(?:restablecer|cambiar|recuperar) (?:tu |su |la )?contrasena|\\b(?:reinitialiser|changer|modifier) (?:votre |ton |le )?mot de passe" +
    "|\\bpasswort (?:zurucksetzen|vergessen|andern)|\\b(?:reimpostare|cambiare|recuperare) (?:la )?password" +
    "|\\b(?:redefinir|alterar|recuperar) (?:a |sua )?senha|パスワード(?:の|を)?(?:再設定|リセット|変更)",
  "g",
);

/** The reply asks the shopper for a card number, security code, expiry date, bank login, password or one-time code. */
export function asksForSecret(text: string): boolean {
  for (const sentence of splitSentences(foldText(claimText(text)).replace(HELP_WITH_PASSWORD, " "))) {
    if (!SECRET.test(sentence)) continue;
    // "Card number:" as a form label asks on its own.
    if (new RegExp(`(?:${SECRET.source})\\s*:`).test(sentence)) return true;
    const unnegated = sentence.replace(NEGATED, " ");
    if (ASK.test(unnegated)) return true;
    if (/[?？]\s*$/.test(sentence) && unnegated === sentence) return true;
  }
  return false;
}
