import { oneOf } from "../../escalation/lexicon/compile";

// Spanish hand-off claims (see ../claims.ts).

// Objects that make "send / open / create" a hand-off rather than a shipment ("hemos enviado tu pedido").
export const CASE_ES = oneOf(
  "equipo",
  "caso",
  "ticket",
  "solicitud",
  "consulta",
  "reclamo",
  "reclamacion",
  "incidencia",
  "agente",
  "companer",
  "soporte",
  "responsable",
  "encargad",
);

export const HANDOFF_ES: RegExp[] = [
  new RegExp(
    "\\b" +
      oneOf("he", "hemos", "ya he", "ya hemos", "lo he", "la he", "le he", "les he", "los he", "lo hemos", "le hemos", "se lo he", "se lo hemos") +
      " (?:\\w+ )?" +
      oneOf("escalado", "notificado", "avisado", "informado", "comunicado", "derivado", "remitido", "trasladado", "transferido", "reenviado") +
      "\\b",
  ),
  new RegExp(
    "\\b" +
      oneOf("he", "hemos", "ya he", "ya hemos", "lo he", "le he", "lo hemos") +
      " (?:\\w+ )?" +
      oneOf("enviado", "pasado", "abierto", "creado", "registrado", "levantado", "marcado") +
      "\\b[^.!?]{0,40}" +
      CASE_ES,
  ),
  new RegExp(
    "\\b" +
      oneOf("estoy", "estamos", "voy a", "vamos a") +
      " (?:escaland|derivand|notificand|transfiriend|avisand|escalar|derivar|notificar|avisar|transferir|pasar (?:tu|su) caso|enviar (?:tu|su) caso)",
  ),
  new RegExp(
    "\\b" +
      oneOf("ha sido", "han sido", "fue", "fueron", "esta siendo", "ya fue", "ya ha sido", "quedo", "queda") +
      " (?:\\w+ )?" +
      oneOf("escalad", "notificad", "informad", "avisad", "derivad", "transferid", "remitid", "reenviad"),
  ),
  new RegExp(
    CASE_ES + "\\w* (?:\\w+ ){0,3}" + oneOf("ha sido", "fue", "esta", "quedo", "queda") + " (?:\\w+ )?" + oneOf("abiert", "cread", "registrad", "enviad"),
  ),
  new RegExp(
    "\\bse " +
      oneOf("le ", "les ", "te ") +
      "?(?:ha|han) (?:\\w+ )?" +
      oneOf("notificado", "informado", "avisado", "escalado", "reenviado", "derivado", "transferido", "comunicado"),
  ),
  new RegExp(
    "\\b" +
      oneOf(
        "el equipo",
        "nuestro equipo",
        "alguien",
        "un agente",
        "una persona",
        "un companero",
        "una companera",
        "un especialista",
        "el personal",
        "soporte",
      ) +
      "\\b[^.!?]{0,30}\\b" +
      oneOf(
        "se pondra en contacto",
        "te contactara",
        "le contactara",
        "te escribira",
        "le escribira",
        "te respondera",
        "le respondera",
        "se comunicara",
        "te llamara",
        "le llamara",
        "se pondran",
        "va a contactar",
        "va a escribir",
        "ya esta al tanto",
        "esta al tanto",
        "ha sido informad",
        "fue informad",
        "ha sido notificad",
        "fue notificad",
      ),
  ),
  // "Tu caso ya está en manos de nuestro equipo"
  new RegExp(
    "\\b" +
      oneOf("caso", "solicitud", "consulta", "peticion", "ticket", "reclamacion", "incidencia") +
      "\\b[^.!?]{0,20}\\b" +
      oneOf("esta", "queda", "se encuentra") +
      "\\s+(?:ya\\s+|ahora\\s+)*" +
      oneOf("en manos de", "con") +
      "\\s+(?:nuestro|nuestra|el|la|un|una)\\s+(?:\\w+\\s+)?" +
      oneOf("equipo", "agente", "companer", "soporte", "responsable", "encargad", "especialista", "personal"),
  ),
];
