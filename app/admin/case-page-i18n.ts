import { adminLanguage } from "./i18n/languages";

/** The case page's words for the conversation timeline, the reply box and the team's emails (en, es, fr, de). */
const en = {
  timeline: "Conversation",
  timelineHint: "The chat, your team's replies and any email that was not accepted, in order. Refused email is never shown to the shopper.",
  assistant: "Assistant",
  shopper: "Shopper",
  teamByEmail: (who: string) => `${who} · by email`,
  teamFromAdmin: "Your team · from Baton",
  team: "Your team",
  refused: "Email not accepted — not shown to the shopper",
  refusedFrom: (from: string) => `From ${from}`,
  reasons: {
    not_case_address: "not sent to a case address",
    bad_case_address: "the case address was altered",
    unknown_case: "the case no longer exists",
    not_from_team: "not from one of your team's addresses",
    auth_failed: "the sender's address could not be verified (DKIM/SPF)",
    auto_reply: "an automatic reply (out of office)",
    too_large: "too large",
    rate_limited: "too many replies in an hour",
    empty: "no new text above the quoted email",
  } as Record<string, string>,
  replyTitle: "Reply to the shopper",
  replyHelp: "Sent by email from your store's name, and shown in the shopper's chat. Their answer comes back to this case.",
  replyLabel: "Your reply",
  language: "Email language",
  send: "Send reply",
  replied: "Reply sent to the shopper",
  replyErrors: {
    not_found: "Case not found",
    no_shopper_email: "This shopper gave no email address, so a reply cannot be sent.",
    empty: "Write a reply first.",
    too_long: "The reply is too long (4,000 characters at most).",
    rate_limited: "Too many replies on this case in the last hour. Try again later.",
  } as Record<string, string>,
  resent: "The email is on its way to your team again",
  emails: (n: number) => `Emails (${n})`,
  emailKinds: { case: "Case email to your team", followup: "Follow-up to your team", team_reply: "Reply to the shopper" } as Record<string, string>,
  teamSettings: "Team replies",
  teamSettingsLink: "Who counts as your team",
  teamSettingsIntro: (domain: string | null): string =>
    domain
      ? `Your team's replies to case emails reach the shopper's chat. Replies are accepted from your escalation addresses and from the domains below.`
      : "Team replies are off on this server (no inbound email domain is configured). You can still set who counts as your team.",
  recipients: "Your escalation addresses (always accepted)",
  teamDomains: "Other team domains",
  teamDomainsHelp: "For example your help desk's domain. Separate several with commas.",
  invalidDomain: (d: string) => `“${d}” is not a domain name.`,
  publicMailboxDomain: (d: string) =>
    `“${d}” is a public email service: anyone can get an address there. Add your team's addresses as escalation recipients instead.`,
  authorName: "Name shown to the shopper",
  authorNames: { first_name: "First name only", full_name: "Full name", none: "No name (“Your team”)" } as Record<string, string>,
  save: "Save",
  saved: "Team reply settings saved",
  showEmail: "Show the email",
  hideEmail: "Hide the email",
};
export type CasePageWords = typeof en;

const es: CasePageWords = {
  timeline: "Conversación",
  timelineHint: "El chat, las respuestas de tu equipo y los correos no aceptados, en orden. Un correo rechazado nunca se muestra al cliente.",
  assistant: "Asistente",
  shopper: "Cliente",
  teamByEmail: (who) => `${who} · por correo`,
  teamFromAdmin: "Tu equipo · desde Baton",
  team: "Tu equipo",
  refused: "Correo no aceptado — no se muestra al cliente",
  refusedFrom: (from) => `De ${from}`,
  reasons: {
    not_case_address: "no se envió a una dirección de caso",
    bad_case_address: "la dirección del caso estaba alterada",
    unknown_case: "el caso ya no existe",
    not_from_team: "no viene de una dirección de tu equipo",
    auth_failed: "no se pudo verificar el remitente (DKIM/SPF)",
    auto_reply: "una respuesta automática (fuera de la oficina)",
    too_large: "demasiado grande",
    rate_limited: "demasiadas respuestas en una hora",
    empty: "ningún texto nuevo sobre el correo citado",
  },
  replyTitle: "Responder al cliente",
  replyHelp: "Se envía por correo con el nombre de tu tienda y aparece en el chat del cliente. Su respuesta vuelve a este caso.",
  replyLabel: "Tu respuesta",
  language: "Idioma del correo",
  send: "Enviar respuesta",
  replied: "Respuesta enviada al cliente",
  replyErrors: {
    not_found: "Caso no encontrado",
    no_shopper_email: "Este cliente no dio un correo, así que no se puede enviar una respuesta.",
    empty: "Escribe primero una respuesta.",
    too_long: "La respuesta es demasiado larga (4000 caracteres como máximo).",
    rate_limited: "Demasiadas respuestas en este caso en la última hora. Inténtalo más tarde.",
  },
  resent: "El correo va de nuevo camino a tu equipo",
  emails: (n) => `Correos (${n})`,
  emailKinds: { case: "Correo del caso a tu equipo", followup: "Seguimiento a tu equipo", team_reply: "Respuesta al cliente" },
  teamSettings: "Respuestas del equipo",
  teamSettingsLink: "Quién cuenta como tu equipo",
  teamSettingsIntro: (domain) =>
    domain
      ? "Las respuestas de tu equipo a los correos de casos llegan al chat del cliente. Se aceptan desde tus direcciones de escalado y los dominios de abajo."
      : "Las respuestas del equipo están desactivadas en este servidor (no hay dominio de correo entrante). Aun así puedes indicar quién es tu equipo.",
  recipients: "Tus direcciones de escalado (siempre aceptadas)",
  teamDomains: "Otros dominios del equipo",
  teamDomainsHelp: "Por ejemplo, el dominio de tu servicio de atención. Separa varios con comas.",
  invalidDomain: (d) => `«${d}» no es un nombre de dominio.`,
  publicMailboxDomain: (d) =>
    `«${d}» es un servicio de correo público: cualquiera puede tener una dirección allí. Añade las direcciones de tu equipo como destinatarios de los casos.`,
  authorName: "Nombre que ve el cliente",
  authorNames: { first_name: "Solo el nombre", full_name: "Nombre completo", none: "Sin nombre («Tu equipo»)" },
  save: "Guardar",
  saved: "Ajustes de respuestas del equipo guardados",
  showEmail: "Mostrar el correo",
  hideEmail: "Ocultar el correo",
};

const fr: CasePageWords = {
  timeline: "Conversation",
  timelineHint: "Le chat, les réponses de votre équipe et les e-mails refusés, dans l’ordre. Un e-mail refusé n’est jamais montré au client.",
  assistant: "Assistant",
  shopper: "Client",
  teamByEmail: (who) => `${who} · par e-mail`,
  teamFromAdmin: "Votre équipe · depuis Baton",
  team: "Votre équipe",
  refused: "E-mail refusé — non montré au client",
  refusedFrom: (from) => `De ${from}`,
  reasons: {
    not_case_address: "pas envoyé à une adresse de dossier",
    bad_case_address: "l’adresse du dossier a été modifiée",
    unknown_case: "le dossier n’existe plus",
    not_from_team: "ne vient pas d’une adresse de votre équipe",
    auth_failed: "l’expéditeur n’a pas pu être vérifié (DKIM/SPF)",
    auto_reply: "une réponse automatique (absence)",
    too_large: "trop volumineux",
    rate_limited: "trop de réponses en une heure",
    empty: "aucun texte nouveau au-dessus de l’e-mail cité",
  },
  replyTitle: "Répondre au client",
  replyHelp: "Envoyé par e-mail au nom de votre boutique et affiché dans le chat du client. Sa réponse revient dans ce dossier.",
  replyLabel: "Votre réponse",
  language: "Langue de l’e-mail",
  send: "Envoyer la réponse",
  replied: "Réponse envoyée au client",
  replyErrors: {
    not_found: "Dossier introuvable",
    no_shopper_email: "Ce client n’a pas donné d’e-mail : impossible d’envoyer une réponse.",
    empty: "Écrivez d’abord une réponse.",
    too_long: "La réponse est trop longue (4 000 caractères au plus).",
    rate_limited: "Trop de réponses sur ce dossier dans la dernière heure. Réessayez plus tard.",
  },
  resent: "L’e-mail repart vers votre équipe",
  emails: (n) => `E-mails (${n})`,
  emailKinds: { case: "E-mail du dossier à votre équipe", followup: "Suivi à votre équipe", team_reply: "Réponse au client" },
  teamSettings: "Réponses de l’équipe",
  teamSettingsLink: "Qui fait partie de votre équipe",
  teamSettingsIntro: (domain) =>
    domain
      ? "Les réponses de votre équipe aux e-mails de dossier arrivent dans le chat du client, depuis vos adresses d’escalade et les domaines ci-dessous."
      : "Les réponses de l’équipe sont désactivées sur ce serveur (aucun domaine d’e-mail entrant). Vous pouvez quand même définir votre équipe.",
  recipients: "Vos adresses d’escalade (toujours acceptées)",
  teamDomains: "Autres domaines de l’équipe",
  teamDomainsHelp: "Par exemple le domaine de votre service client. Séparez-en plusieurs par des virgules.",
  invalidDomain: (d) => `« ${d} » n’est pas un nom de domaine.`,
  publicMailboxDomain: (d) =>
    `« ${d} » est une messagerie publique : n’importe qui peut y avoir une adresse. Ajoutez plutôt les adresses de votre équipe comme destinataires des cas.`,
  authorName: "Nom montré au client",
  authorNames: { first_name: "Prénom seulement", full_name: "Nom complet", none: "Aucun nom (« Votre équipe »)" },
  save: "Enregistrer",
  saved: "Réglages des réponses de l’équipe enregistrés",
  showEmail: "Afficher l’e-mail",
  hideEmail: "Masquer l’e-mail",
};

const de: CasePageWords = {
  timeline: "Unterhaltung",
  timelineHint: "Der Chat, die Antworten Ihres Teams und nicht angenommene E-Mails, der Reihe nach. Abgelehnte E-Mails sieht der Kunde nie.",
  assistant: "Assistent",
  shopper: "Kunde",
  teamByEmail: (who) => `${who} · per E-Mail`,
  teamFromAdmin: "Ihr Team · aus Baton",
  team: "Ihr Team",
  refused: "E-Mail nicht angenommen — dem Kunden nicht gezeigt",
  refusedFrom: (from) => `Von ${from}`,
  reasons: {
    not_case_address: "nicht an eine Fall-Adresse gesendet",
    bad_case_address: "die Fall-Adresse wurde verändert",
    unknown_case: "den Fall gibt es nicht mehr",
    not_from_team: "nicht von einer Adresse Ihres Teams",
    auth_failed: "der Absender ließ sich nicht bestätigen (DKIM/SPF)",
    auto_reply: "eine automatische Antwort (Abwesenheit)",
    too_large: "zu groß",
    rate_limited: "zu viele Antworten in einer Stunde",
    empty: "kein neuer Text über der zitierten E-Mail",
  },
  replyTitle: "Dem Kunden antworten",
  replyHelp: "Wird per E-Mail im Namen Ihres Shops gesendet und im Chat des Kunden angezeigt. Seine Antwort kommt zu diesem Fall zurück.",
  replyLabel: "Ihre Antwort",
  language: "Sprache der E-Mail",
  send: "Antwort senden",
  replied: "Antwort an den Kunden gesendet",
  replyErrors: {
    not_found: "Fall nicht gefunden",
    no_shopper_email: "Dieser Kunde hat keine E-Mail-Adresse angegeben, daher kann keine Antwort gesendet werden.",
    empty: "Schreiben Sie zuerst eine Antwort.",
    too_long: "Die Antwort ist zu lang (höchstens 4.000 Zeichen).",
    rate_limited: "Zu viele Antworten zu diesem Fall in der letzten Stunde. Bitte später erneut versuchen.",
  },
  resent: "Die E-Mail geht erneut an Ihr Team",
  emails: (n) => `E-Mails (${n})`,
  emailKinds: { case: "Fall-E-Mail an Ihr Team", followup: "Folge-E-Mail an Ihr Team", team_reply: "Antwort an den Kunden" },
  teamSettings: "Antworten des Teams",
  teamSettingsLink: "Wer zu Ihrem Team gehört",
  teamSettingsIntro: (domain) =>
    domain
      ? "Antworten Ihres Teams auf Fall-E-Mails erscheinen im Chat des Kunden. Angenommen werden sie von Ihren Eskalationsadressen und den Domains unten."
      : "Antworten des Teams sind auf diesem Server aus (keine Domain für eingehende E-Mails). Sie können trotzdem festlegen, wer zu Ihrem Team gehört.",
  recipients: "Ihre Eskalationsadressen (immer angenommen)",
  teamDomains: "Weitere Domains des Teams",
  teamDomainsHelp: "Zum Beispiel die Domain Ihres Helpdesks. Mehrere mit Kommas trennen.",
  invalidDomain: (d) => `„${d}“ ist kein Domainname.`,
  publicMailboxDomain: (d) =>
    `„${d}“ ist ein öffentlicher E-Mail-Dienst: Dort kann jeder eine Adresse bekommen. ` +
    "Tragen Sie stattdessen die Adressen Ihres Teams als Empfänger der Fälle ein.",
  authorName: "Name, den der Kunde sieht",
  authorNames: { first_name: "Nur der Vorname", full_name: "Vollständiger Name", none: "Kein Name („Ihr Team“)" },
  save: "Speichern",
  saved: "Einstellungen für Antworten des Teams gespeichert",
  showEmail: "E-Mail anzeigen",
  hideEmail: "E-Mail ausblenden",
};

const WORDS = { en, es, fr, de };

/** The case page's own words in the admin's language (others read English). */
export function casePageWords(locale: string | null | undefined): CasePageWords {
  return WORDS[adminLanguage(locale)];
}
