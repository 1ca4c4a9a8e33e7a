// The photo feature's words in en, es, fr, de (others read English). They ship with the code that
// shows them — the two the panel needs before any photo is picked (the attach button, a photo's
// alt text), the rest in the on-demand photo chunk — so the theme's locale files and the app embed's
// config do not grow for the shoppers who never attach one (decision 0070).
type Lang = "en" | "es" | "fr" | "de";

function lang(locale: string): Lang {
  const l = locale.slice(0, 2).toLowerCase();
  return l === "es" || l === "fr" || l === "de" ? l : "en";
}

const BUTTON = {
  en: ["Attach photos", "Your photo"],
  es: ["Adjuntar fotos", "Tu foto"],
  fr: ["Joindre des photos", "Votre photo"],
  de: ["Fotos anhängen", "Ihr Foto"],
} as const;

/** The attach button's label and a sent photo's alt text. */
export function photoButtonWords(locale: string): { attach: string; photo: string } {
  const [attach, photo] = BUTTON[lang(locale)];
  return { attach, photo };
}

export interface PhotoWords {
  /** "Photo {n}: {name}" */
  item: string;
  remove: string;
  uploading: string;
  sent: string;
  max: string;
  type: string;
  size: string;
  first: string;
  failed: string;
  refused: string;
}

const WORDS: Record<Lang, PhotoWords> = {
  en: {
    item: "Photo {n}: {name}",
    remove: "Remove photo {n}",
    uploading: "Sending photo {n} of {m}…",
    sent: "Photo sent.",
    max: "You can attach up to 3 photos at a time.",
    type: "{name} is not a photo we can take (JPEG, PNG, WebP or HEIC).",
    size: "{name} is larger than 10 MB.",
    first: "Please write a few words about the photo first.",
    failed: "The photo could not be sent. Check your connection and send again.",
    refused: "This photo could not be used. Please try another one.",
  },
  es: {
    item: "Foto {n}: {name}",
    remove: "Quitar la foto {n}",
    uploading: "Enviando la foto {n} de {m}…",
    sent: "Foto enviada.",
    max: "Puedes adjuntar hasta 3 fotos a la vez.",
    type: "{name} no es una foto que podamos recibir (JPEG, PNG, WebP o HEIC).",
    size: "{name} pesa más de 10 MB.",
    first: "Escribe primero unas palabras sobre la foto.",
    failed: "No se pudo enviar la foto. Revisa tu conexión y vuelve a enviarla.",
    refused: "No pudimos usar esta foto. Prueba con otra.",
  },
  fr: {
    item: "Photo {n} : {name}",
    remove: "Retirer la photo {n}",
    uploading: "Envoi de la photo {n} sur {m}…",
    sent: "Photo envoyée.",
    max: "Vous pouvez joindre jusqu’à 3 photos à la fois.",
    type: "{name} n’est pas une photo acceptée (JPEG, PNG, WebP ou HEIC).",
    size: "{name} dépasse 10 Mo.",
    first: "Écrivez d’abord quelques mots sur la photo.",
    failed: "La photo n’a pas pu être envoyée. Vérifiez votre connexion et renvoyez-la.",
    refused: "Cette photo n’a pas pu être utilisée. Essayez-en une autre.",
  },
  de: {
    item: "Foto {n}: {name}",
    remove: "Foto {n} entfernen",
    uploading: "Foto {n} von {m} wird gesendet …",
    sent: "Foto gesendet.",
    max: "Sie können bis zu 3 Fotos auf einmal anhängen.",
    type: "{name} ist kein Foto, das wir annehmen können (JPEG, PNG, WebP oder HEIC).",
    size: "{name} ist größer als 10 MB.",
    first: "Bitte schreiben Sie zuerst ein paar Worte zum Foto.",
    failed: "Das Foto konnte nicht gesendet werden. Prüfen Sie Ihre Verbindung und senden Sie es erneut.",
    refused: "Dieses Foto konnte nicht verwendet werden. Bitte versuchen Sie ein anderes.",
  },
};

export function photoWords(locale: string): PhotoWords {
  return WORDS[lang(locale)];
}
