import escapeHtml from "escape-html";
import type { Language } from "~/domain/conversation/language";

/** The words of the email a shopper receives when the team answers from the case page (en, es, fr, de). */
const WORDS: Record<Language, { subject: (shop: string) => string; footer: (shop: string) => string }> = {
  en: {
    subject: (shop) => `${shop}: a reply from our team`,
    footer: (shop) => `— The ${shop} team\nYou can answer this email, or continue in the chat on our store.`,
  },
  es: {
    subject: (shop) => `${shop}: respuesta de nuestro equipo`,
    footer: (shop) => `— El equipo de ${shop}\nPuedes responder a este correo o seguir en el chat de nuestra tienda.`,
  },
  fr: {
    subject: (shop) => `${shop} : réponse de notre équipe`,
    footer: (shop) => `— L’équipe ${shop}\nVous pouvez répondre à cet e-mail ou continuer dans le chat de notre boutique.`,
  },
  de: {
    subject: (shop) => `${shop}: Antwort von unserem Team`,
    footer: (shop) => `— Ihr Team von ${shop}\nSie können auf diese E-Mail antworten oder im Chat in unserem Shop weiterschreiben.`,
  },
};

/** Header-safe text: no line breaks, no quotes or angle brackets that would end a display name. */
function headerText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f"<>]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
}

/** The address in a `Name <address>` sender (MAIL_FROM), or the value itself. */
export function addressOfSender(sender: string): string {
  return /<([^<>\s]+@[^<>\s]+)>/.exec(sender)?.[1] ?? sender.trim();
}

/** Subject, text and HTML of the team's reply to the shopper; From is the shop's name with Baton's sending address. */
export function composeTeamReplyEmail(input: { shopName: string; mailFrom: string; text: string; language: Language }) {
  const shop = headerText(input.shopName) || "Our store";
  const words = WORDS[input.language];
  const footer = words.footer(shop);
  return {
    from: `"${shop}" <${addressOfSender(input.mailFrom)}>`,
    subject: words.subject(shop),
    text: `${input.text}\n\n${footer}\n`,
    html: `<div style="font:15px/1.5 system-ui,sans-serif">${paragraphs(input.text)}<p style="color:#555">${lines(footer)}</p></div>`,
  };
}

function lines(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${lines(p)}</p>`)
    .join("");
}
