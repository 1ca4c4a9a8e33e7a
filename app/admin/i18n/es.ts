import { esOutcomes } from "./es-outcomes";
import { esWidget } from "./es-widget";
import type { AdminMessages } from "./en";
import { esCasesAndData } from "./es-cases-and-data";

// Spanish (neutral, "tú" as Shopify's Spanish admin uses). Translated from en.ts, the source.

export const es: AdminMessages = {
  nav: {
    label: "Administración de Baton",
    home: "Inicio",
    cases: "Casos",
    analytics: "Análisis",
    settings: "Configuración",
    plans: "Planes",
    demoStore: "Tienda demo",
    demoInbox: "Bandeja demo",
  },
  common: { any: "Cualquiera", remove: "Quitar", days: "días" },
  home: {
    title: (shop) => `Baton — ${shop}`,
    stepsDone: (done, total) => `${done} de ${total} pasos de configuración completados`,
    done: "Hecho",
    toDo: "Pendiente",
    accessTitle: "Baton no puede consultar pedidos ahora mismo",
    accessBody: (since) =>
      `Shopify no renovó el acceso de Baton a tu tienda (desde ${since}), así que el asistente dice a los ` +
      `compradores que no puede consultar pedidos y les ofrece tu equipo. ` +
      "Abrir Baton desde el panel de Shopify lo vuelve a conectar; si este mensaje sigue, reinstala Baton.",
    setup: "Puesta en marcha",
    checklist: "Lista de configuración",
    setupComplete: "Configuración completa",
    showSteps: "Mostrar los pasos",
    hideSteps: "Ocultar los pasos",
    embedTitle: "Activa el chat en tu tema",
    embedBody: "Abre el editor de temas con la incrustación de Baton activada y guarda el tema.",
    openThemeEditor: "Abrir el editor de temas",
    embedDone: (at) => `Tu tienda inició su primera conversación el ${at}.`,
    embedPending: "Este paso se marca como hecho cuando tu tienda haya iniciado una conversación.",
    addressTitle: "Indica a dónde van los casos",
    addressDone: (to) => `Los casos se envían a ${to}. `,
    addressMissing: "Todavía no hay dirección para los casos. ",
    editInSettings: "Editar en Configuración",
    testTitle: "Envía un correo de prueba y comprueba que llega",
    testIntro: "Envía un correo de caso de ejemplo por la misma cola de envío que usan los casos reales.",
    testStatus: { sent: "entregado a tu servidor de correo", pending: "en cola", sending: "enviándose", failed: "fallido" },
    testLast: (to, status, error) => `Último correo de prueba a ${to}: ${status}${error ? ` (${error})` : ""}.`,
    sendTest: "Enviar correo de prueba",
    testQueued: (to) => `Correo de prueba en cola para ${to}.`,
    planTitle: "Elige un plan",
    planNow: (plan, emails) => `Tienes el plan ${plan} (${emails} correos de casos al mes).`,
    planNoEmails: (plan) => `Tienes el plan ${plan} (sin correos de casos: los compradores ven tus datos de contacto).`,
    seePlans: "Ver planes",
    demoNote: "Demo local: el enlace al editor de temas apunta a la tienda demo y no abre un panel de Shopify real.",
    conversations: (n) => `Conversaciones: ${n}`,
    emailsOff: (plan) => `Correos de casos: desactivados en el plan ${plan}`,
    emailsUsed: (used, of) => `Correos de casos: ${used} de ${of}`,
    notEmailed: (n) => `No enviados (sin cupo): ${n}`,
  },
  usage: {
    choosePlan: "Elige un plan",
    offTitle: (plan) => `Los correos de casos están desactivados en el plan ${plan}`,
    offBody: "Los compradores que necesitan a una persona ven tus datos de contacto y ningún caso llega a tu equipo por correo.",
    offShown: (n, shown) => ` Este mes, ${shown} ${n === 1 ? "comprador vio" : "compradores vieron"} tus datos de contacto.`,
    usedUpTitle: "Cupo de correos de casos agotado",
    usedUpBody: (used, of, plan) =>
      `Este mes se han usado ${used} de ${of} correos de casos del plan ${plan}; los siguientes casos muestran tus datos de contacto hasta el mes que viene.`,
  },
  plans: {
    title: "Planes",
    subtitle: "Los correos de casos se facturan cada mes a través de Shopify.",
    demoTitle: "Demo local: sin facturación de Shopify",
    demoBody:
      "Elegir un plan aquí cambia directamente el plan de la tienda demo. En una tienda real, Shopify pide primero al comerciante que apruebe el cargo.",
    current: "Plan actual",
    perMonth: "/ mes",
    noEmails: "Sin correos de casos: los compradores que necesitan a una persona ven tus datos de contacto.",
    emailsPerMonth: (n) => `${n} correos de casos al mes`,
    freeIncluded: (n) => `${n} correos de casos al mes incluidos, gratis; después, los compradores ven tus datos de contacto.`,
    trial: (days) => `Prueba gratuita de ${days} días`,
    downgrade: (plan) => `Bajar a ${plan}`,
    choose: (plan) => `Elegir ${plan}`,
    monthOff: "Este mes: los correos de casos están desactivados.",
    monthUsed: (used, of) => `Este mes: ${used} de ${of} correos de casos usados.`,
    switched: (plan, demo) => `Ahora tienes el plan ${plan}${demo ? " (demo: cambiado directamente)" : ""}`,
    unknownPlan: "Plan desconocido",
    confirmTitle: (plan) => `¿Cambiar a ${plan}?`,
    confirmSwitch: (plan) => `Cambiar a ${plan}`,
    keep: (plan) => `Mantener ${plan}`,
    stopNow:
      "Los correos de casos se detienen de inmediato. Los compradores que pidan una persona verán tus datos de " +
      "contacto y tu equipo no recibirá casos por correo.",
    drops: (from, to, used) =>
      `Tu cupo baja de ${from} a ${to} correos de casos al mes. Este mes has usado ${used}; cuando se agote ` +
      `el nuevo cupo, los compradores verán tus datos de contacto.`,
    replaced: (plan) => `Tu suscripción ${plan} se sustituye en la facturación de Shopify.`,
    billingNote:
      "Cada plan envía por correo a tu equipo los casos que el asistente le pasa, hasta su cupo mensual. Shopify factura los planes de pago cada 30 días.",
  },
  unsaved: {
    leaveTitle: "¿Salir de la página con cambios sin guardar?",
    leave: "Salir de la página",
    stay: "Quedarse",
    leaveBody: "Si sales de esta página, se descartarán todos los cambios sin guardar.",
    bar: "Cambios sin guardar",
    save: "Guardar",
    discard: "Descartar",
  },
  settings: {
    title: "Configuración",
    subtitle: "A dónde van los casos, cuándo pasa el asistente la conversación y cómo habla.",
    saved: "Configuración guardada",
    notSaved: (n) => `Configuración no guardada: ${n} ${n === 1 ? "campo necesita" : "campos necesitan"} atención`,
    nothingSaved: (n) => `No se guardó nada: ${n} ${n === 1 ? "campo necesita" : "campos necesitan"} atención`,
    tabErrors: (tab, n) => `${tab}, ${n} con errores`,
    applyNote: "Los cambios se aplican al chat de tu tienda en cuanto guardas.",
    tabs: { escalations: "Casos", triggers: "Disparadores", assistant: "Asistente", advanced: "Avanzado" },
    privacyTitle: "Privacidad",
    privacyBody:
      "El chat informa a los compradores de que responde un asistente de IA, de que tu equipo puede leer la " +
      "conversación, de cuánto tiempo la recuerda su dispositivo y, " +
      "si el modelo de lenguaje está activado, de que un proveedor externo de IA procesa sus mensajes. En " +
      "la incrustación Baton chat del editor de temas, activa " +
      "«Proveedor externo de IA» siempre que el modelo de lenguaje esté activado. Tu política de privacidad, que el chat enlaza, debería decir lo mismo.",
    privacyTemplate: "Texto de política de privacidad para adaptar (en inglés)",
    privacyPolicies: "Editar tu política de privacidad en Shopify",
  },
  escalations: {
    addressesTitle: "Direcciones para los casos",
    addressesDescription: "A dónde van los correos de casos. Separa varias direcciones con comas.",
    defaultToHelp:
      "Se usa cuando ninguna regla de abajo coincide. Se rellena al instalar con el correo de contacto de tu tienda; puedes cambiarlo cuando quieras.",
    ccUrgentHelp: "Recibe copia de cada caso urgente.",
    fromNameHelp: "Se muestra como nombre del remitente; la dirección es el remitente verificado de Baton.",
    routesTitle: "Reglas de envío",
    routesDescription:
      "Envía los casos de un motivo, tema o prioridad a otro equipo. La primera regla que coincide sustituye a las " +
      "direcciones predeterminadas; las siguientes reciben copia.",
    rule: (n) => `Regla ${n}`,
    removeRule: (n) => `Quitar la regla ${n}`,
    addRule: "Añadir regla",
    orHigher: (priority) => `${priority} o superior`,
  },
  triggers: {
    sensitivityTitle: "Sensibilidad",
    sensitivityDescription: "Con qué facilidad el asistente pasa una conversación a tu equipo.",
    sensitivityChoice: "Sensibilidad de los casos",
    presets: {
      relaxed: { label: "Tranquila", description: "Solo las peticiones claras, las quejas fuertes y los mensajes muy negativos llegan a tu equipo." },
      balanced: { label: "Equilibrada", description: "Recomendada. El asistente resuelve las preguntas rutinarias y pasa a los compradores frustrados." },
      watchful: { label: "Atenta", description: "Tu equipo se entera pronto de la frustración leve y de las quejas. Espera más casos." },
    },
    custom: "Personalizada",
    customHelp: "Tus propios umbrales, definidos en Avanzado.",
    fineTune: "Ajustar los umbrales exactos",
    whenTitle: "Cuándo pasar la conversación",
    whenDescription: "Cada disparador se puede desactivar. Los temas delicados siempre llegan a una persona, salvo que tengas tu propio proceso.",
    explicitRequest: "El comprador pide una persona",
    negativeSentiment: "Mensajes muy negativos",
    risingFrustration: "Frustración creciente a lo largo de los mensajes",
    complaint: "Quejas (nunca llegó, artículo equivocado, dañado)",
    threat: "Amenazas (contracargo, acciones legales, mala reseña)",
    sensitiveTopic: "Temas delicados (privacidad, seguridad, fraude)",
    repeatedQuestion: "El comprador repite una pregunta",
    repeatedFailure: "El asistente no pudo ayudar",
    afterTimes: "Después de estas veces",
    oneToTen: "De 1 a 10",
    orderState: "Problemas con pedidos (entregado pero no recibido, cancelaciones)",
    stalledAfter: "Preparación detenida después de",
    oneToNinety: "De 1 a 90 días",
    authorityLimit: "Reembolsos por encima del límite del asistente",
    zeroNeverPromises: "0 significa que el asistente nunca promete dinero.",
    keyword: "Tus palabras clave",
    keywordsHelp: "Una por línea, por ejemplo reembolso, queja, abogado.",
    languages: "Idiomas en los que escucha el asistente",
    languagesSpoken: "El chat, sus botones y los correos de los casos hablan estos idiomas.",
    languagesRecognized:
      "También reconocidos: Baton detecta cuándo un cliente que escribe en uno de estos idiomas necesita a una persona. " +
      "Los botones del chat y sus respuestas integradas siguen en inglés para él.",
    vipTitle: "Clientes prioritarios",
    vipDescription: "Los casos VIP reciben más prioridad. Pon una regla a 0 para desactivarla.",
    vipEnabled: "Dar prioridad a los clientes VIP",
    vipTagsHelp: "Etiquetas de cliente, separadas por comas.",
    totalSpent: "Gasto total de al menos",
    ordersAtLeast: "Pedidos, al menos",
  },
  assistant: {
    title: "Asistente",
    description: "Cómo se presenta el chat y cómo habla con los compradores.",
    tone: "Tono",
    tones: { friendly: "Cercano", neutral: "Neutro", formal: "Formal" },
    llm: "Usar el modelo de lenguaje",
    llmHelp: "Desactivado: responde el asistente integrado (saludos, estado de pedidos, políticas, casos).",
    llmMissing:
      "El asistente integrado responde saludos, estado de pedidos, políticas y pases al equipo. Las opciones del " +
      "modelo de lenguaje aparecen cuando quien aloja la app configura uno.",
    contactTitle: "Opciones de contacto",
    contactDescription:
      "Se muestran a los compradores cuando no se puede enviar un correo de caso: cuando se agota el cupo del plan o cuando prefieren no dar su correo.",
  },
  advanced: {
    thresholdsTitle: "Umbrales exactos",
    thresholdsDescription:
      "Los niveles de sensibilidad fijan los tres primeros. Una conversación puntúa de 0 a 100 % en cada señal y se " +
      "pasa al equipo cuando una puntuación alcanza su umbral. Más bajo significa antes.",
    combinedHelp: "Puntuación combinada de todas las señales. Equilibrada: 55 %.",
    balanced: (pct) => `Equilibrada: ${pct}`,
    vipLowerHelp: "Los VIP se pasan antes en esta medida; 0 solo sube su prioridad.",
    confidenceHelp: "Pasar la conversación cuando el modelo de lenguaje esté menos seguro que esto.",
    retentionTitle: "Conservación de datos",
    retentionDescription: "Las conversaciones y sus casos se eliminan este tiempo después del último mensaje.",
    retentionHelp: "De 1 a 3650 días",
    abuseTitle: "Límites contra el abuso",
    abuseDescription:
      "Evita que un solo visitante inunde a tu equipo. Superado un límite, el comprador ve tus datos de " +
      "contacto y el caso se marca como limitado por abuso; no consume el cupo " +
      "de tu plan. Los compradores con sesión iniciada y los que demostraron un pedido no se limitan por dirección y tienen cuatro veces el límite de correo.",
    defaultN: (n) => `Predeterminado: ${n}`,
    followUpsHelp: "Predeterminado: 10; los mensajes posteriores esperan al correo del día siguiente",
  },
  labels: {
    delivery: {
      queued: "Correo en cola",
      sent: "Correo enviado",
      failed: "Correo fallido",
      abandoned: "Sin correo",
      limited: "No enviado (límite del plan)",
      limited_abuse: "No enviado (limitado por abuso)",
    },
    emailStatus: { pending: "En cola", sending: "Enviándose", sent: "Enviado", failed: "Fallido" },
    open: "Abierto",
    resolved: "Resuelto",
  },
  ...esCasesAndData,
  ...esWidget,
  ...esOutcomes,
};
