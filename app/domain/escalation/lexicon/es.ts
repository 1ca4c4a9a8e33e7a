// Spanish: the words each signal matches (see lexicon.ts for the slots). Accent-free, lower case.
import { oneOf } from "./compile";
import type { Lexicon } from "./lexicon";

export const ES: Lexicon = {
  explicitRequest: {
    // literal fragments: a message with none of them cannot match `requests` (a cheap check first)
    gate: [
      "human",
      "persona",
      "agente",
      "asesor",
      "operador",
      "representante",
      "encargad",
      "gerente",
      "supervisor",
      "responsable",
      "alguien",
      "ejecutiv",
      "emplead",
      "atencion",
      "pasame",
      "pasenme",
      "paseme",
      "ponme",
      "pongame",
      "ponganme",
      "comunic",
      "transfier",
      "conect",
      "deriva",
      "ayuda",
      "asistencia",
      "soporte",
    ],
    requests: [
      "\\b" +
        oneOf("hablar", "hablo", "hable", "comunicarme", "comunicarse", "comunicar", "contactar", "contactarme", "chatear", "platicar", "conversar") +
        " (?:directamente |ahora |ya |por favor )?(?:con|a) (?:(?:un|una|el|la|algun|alguna|su|tu|sus|de) )*" +
        oneOf(
          "humanos?",
          "ser humano",
          "personas?(?: reales?| de verdad)?",
          "agentes?",
          "asesor(?:a|es)?",
          "operador(?:a|es)?",
          "representantes?",
          "encargad[oa]s?",
          "gerentes?",
          "supervisor(?:a|es)?",
          "responsables?",
          "alguien",
          "ejecutiv[oa]s?",
          "emplead[oa]s?",
          "atencion al cliente",
        ) +
        "\\b",
      "\\b" +
        oneOf(
          "pasame",
          "pasenme",
          "paseme",
          "ponme",
          "pongame",
          "ponganme",
          "comunicame",
          "comuniqueme",
          "comuniquenme",
          "transfiereme",
          "transfierame",
          "transfieranme",
          "conectame",
          "conecteme",
          "conectenme",
          "derivame",
          "derivenme",
        ) +
        " (?:con|a)\\b",
      "\\b" +
        oneOf("quiero", "necesito", "quisiera", "prefiero", "exijo", "deseo", "busco", "solicito", "pido") +
        " (?:hablar con |un contacto con )?(?:(?:un|una|el|la|algun|alguna|a) )*" +
        oneOf(
          "humano",
          "ser humano",
          "persona real",
          "persona de verdad",
          "agente",
          "asesor",
          "asesora",
          "operador",
          "operadora",
          "representante",
          "encargado",
          "gerente",
          "supervisor",
          "supervisora",
        ) +
        "\\b",
      "\\b(?:atencion|ayuda|asistencia|agente|soporte) humana?\\b",
      "\\b(?:un humano|una persona real|una persona de verdad|un agente) por favor\\b",
    ],
    negations: [
      "\\bno " +
        oneOf("necesito", "quiero", "hace falta", "es necesario", "me hace falta", "deseo", "busco", "quisiera", "pedi") +
        oneOf(" hablar con", " que me pases con", " que me pasen con") +
        "? (?:(?:un|una|el|la|ningun|ninguna|a) )*" +
        oneOf("humano", "persona", "agente", "asesor", "operador", "representante", "encargado", "gerente", "supervisor") +
        "\\b",
      "\\bsin (?:hablar con |tener que hablar con )?(?:un |una )?" + oneOf("humano", "persona", "agente", "asesor", "operador") + "\\b",
    ],
  },
  barePerson: ["humano", "agente", "asesor", "operador", "representante"],
  bareFiller: ["por", "favor", "un", "una"],
  threat: {
    chargeback: ["contracargo", "retrocesion", "retrofacturacion"],
    legal: ["abogad[oa]s?", "demandar(?:los|te|les)?", "denunciar(?:los|te|les)?"],
    regulator: ["profeco"],
    review: ["mala resena"],
    social: ["redes sociales"],
  },
  sensitive: {
    safety: ["alergi\\w*", "alergic\\w*", "intoxicacion"],
    fraud: ["fraude"],
    privacy: ["(?:borrar|eliminar|suprimir) mis datos", "proteccion de datos"],
  },
  topic: {
    refund: ["reembolso", "devolucion"],
    billing: ["cobro", "factura"],
    shipping: ["envio", "entrega"],
    product: ["producto"],
    account: ["cuenta"],
    order: ["pedido"],
  },
  shopObjects: ["pedido", "paquete"],
  refundWords: ["reembolso", "devolucion del dinero"],
  demandVerbs: ["quiero", "necesito", "exijo"],
  refundDemands: ["devuelvan mi dinero"],
  complaintWords: ["reclamacion", "reclamar", "queja", "quejarme"],
  notArrived: ["no (?:he )?recibido", "no (?:ha )?llegado"],
  arrivedDamaged: [
    "(?:llego|vino) (?:roto|rota|danado|danada)",
    "llegaron (?:rotos|rotas|danados|danadas)",
    "(?:esta|estan) (?:roto|rota|rotos|rotas|danado|danada|danados|danadas|defectuos[oa]s?)",
  ],
  angerWords: {
    enojado: 0.75,
    enojada: 0.75,
    enfadado: 0.75,
    enfadada: 0.75,
    furioso: 0.85,
    furiosa: 0.85,
    harto: 0.7,
    harta: 0.7,
    molesto: 0.6,
    molesta: 0.6,
    indignado: 0.75,
    indignada: 0.75,
    inaceptable: 0.75,
    vergonzoso: 0.65,
    pesimo: 0.6,
    fatal: 0.3,
    mierda: 0.6,
    estafa: 0.6,
  },
  angerPhrases: [
    ["\\b" + oneOf("estoy (?:muy )?(?:enojad[oa]|enfadad[oa]|molest[oa]|hart[oa])", "es (?:una )?(?:verguenza|estafa|inaceptable)") + "\\b", 0.75],
  ],
  pleasantries: ["hola", "buenos", "dias", "si"],
  // nouns one edit away from an English typo target, not typos (normalize.ts)
  notTypos: ["agente", "agentes", "persona", "personas", "humano", "humanos", "humana", "cliente", "contacto", "reclamo", "parcela"],
};
