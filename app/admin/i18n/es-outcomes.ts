import type { enOutcomes } from "./en-outcomes";

export const esOutcomes: typeof enOutcomes = {
  outcomes: {
    title: "Resultados",
    vsPrevious: (delta: string) => `${delta} frente al periodo anterior`,
    same: "Igual que el periodo anterior",
    points: (n: string) => `${n} pts`,
    withoutPerson: "Resueltas sin una persona",
    withoutPersonHint: (n: string, total: string) => `${n} de ${total} conversaciones no necesitaron a tu equipo`,
    handoffs: "Derivaciones a tu equipo",
    firstReply: "Primera respuesta del equipo",
    firstReplyHint: (n: string) => `habitual, sobre ${n} respuestas en el chat`,
    firstReplyNone: "Aún no hay respuestas del equipo en el chat",
    resolution: "Tiempo hasta la resolución",
    resolutionHint: (n: string) => `habitual, sobre ${n} casos resueltos`,
    resolutionNone: "Ningún caso resuelto en este periodo",
    satisfaction: "Les resultó útil",
    satisfactionHint: (n: string) => `según ${n} valoraciones de un toque en el chat`,
    satisfactionNone: "Aún no hay valoraciones: los clientes valoran las respuestas con un toque en el chat",
    period: "Periodo",
    presets: { d7: "Últimos 7 días", d30: "Últimos 30 días", d90: "Últimos 90 días", month: "Este mes", custom: "Personalizado" },
    apply: "Aplicar",
    emptyTitle: "No hay conversaciones en este periodo",
    emptyBody:
      "Cuando los clientes chatean en tu tienda, esta página muestra cuántas resolvió el asistente por sí solo, lo rápido que tu equipo " +
      "atiende las derivaciones y lo útil que les resultó. Activa el chat en tu tema y pruébalo tú mismo.",
    emptyAction: "Abrir la lista de configuración",
  },
};
