import type { enWidget } from "./en-widget";

export const esWidget: typeof enWidget = {
  widgetWords: {
    title: "Widget de chat",
    description: "Lo que dice el chat de tu tienda. Llega a tu tema en cuanto guardas; la posición, los colores y el botón siguen en el editor de temas.",
    greetingHelp: "El primer mensaje que ven los clientes y la respuesta a su saludo. Deja el predeterminado para tenerlo en el idioma de cada cliente.",
    quickActionsHelp:
      "Una por línea, hasta 4. El cliente toca una para preguntarla. Vacío: Rastrear mi pedido, Devoluciones y reembolsos, Plazos de envío, en su idioma.",
    replyTimeHelp: "Se muestra bajo las preguntas sugeridas y cuando un caso está con tu equipo. Vacío: «Nuestro equipo suele responder en un día», traducido.",
    preview: "Vista previa",
    previewNote: "El chat vacío como lo ve un cliente en el idioma de esta página.",
    notPublished: "Ajustes guardados, pero el chat de tu tienda aún no se pudo actualizar. Vuelve a guardar en un minuto.",
  },
};
