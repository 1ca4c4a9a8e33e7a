import type { ShopperRequest } from "../../escalation";
import type { Language } from "../language";
import type { ReplyCatalog } from "./types";

const REQUEST_LABELS: Record<ShopperRequest, string> = {
  cancel_order: "Cancelar el pedido",
  change_address: "Cambiar la dirección de envío",
  change_item: "Cambiar un artículo (talla o color)",
  return_item: "Devolver un artículo",
  refund: "Reembolso",
  damaged_item: "Artículo dañado",
  wrong_item: "Artículo equivocado",
  missing_parcel: "Paquete no recibido",
  stalled_order: "Pedido sin avances",
  order_problem: "Problema con un pedido",
  billing: "Problema de facturación",
  account: "Problema con la cuenta",
  product_question: "Pregunta sobre un producto",
  complaint: "Reclamación",
  talk_to_person: "Hablar con una persona",
  other: "Consulta para el equipo",
};

const LANGUAGE_NAMES: Record<Language, string> = { en: "inglés", es: "español", fr: "francés", de: "alemán" };

// With the order card beside the text (brief), the card shows the tracking number and link.
const where = (s: { carrier: string | null; trackingNumber: string | null; trackingUrl: string | null }, brief = false) =>
  `${s.carrier ? ` con ${s.carrier}` : ""}` +
  `${s.trackingNumber && !brief ? `, número de seguimiento ${s.trackingNumber}` : ""}` +
  `${s.trackingUrl && !brief ? ` (seguimiento: ${s.trackingUrl})` : ""}`;

/** Spanish. */
export const es: ReplyCatalog = {
  welcomeGreeting: "¡Hola! Puedo consultar el estado de tu pedido, responder preguntas sobre envíos y devoluciones o ponerte en contacto con nuestro equipo.",
  thanks: "¡De nada! ¿Puedo ayudarte con algo más?",
  anythingElse: "¿Puedo ayudarte con algo más?",
  notedEmail: (email) => `Gracias, he anotado ${email}. ¿En qué puedo ayudarte? Si me das el número de pedido, puedo consultar su estado.`,
  incompleteEmail: "Esa dirección de correo parece incompleta. ¿Puedes revisarla (por ejemplo nombre@ejemplo.com)?",

  askOrderNumber: "Puedo consultarlo. ¿Cuál es tu número de pedido? Lo encontrarás en el correo de confirmación del pedido (por ejemplo #1042).",
  askOrderEmail: (order) => `Puedo consultar el pedido ${order}. Para proteger tu privacidad, ¿qué dirección de correo usaste en el pedido?`,
  orderNotMatched: (order) =>
    `No he podido asociar el pedido ${order} con ese correo. ¿Puedes revisar el número de pedido y usar el correo ` +
    `con el que compraste? (Los pedidos de hace más de 60 días pueden no aparecer aquí; nuestro equipo puede ` +
    `revisarlos).`,
  orderNotMatchedAgain: (order) =>
    `Sigue sin coincidir con el pedido ${order}. Si no sabes qué correo se usó, puedo ponerte en contacto con nuestro equipo: pulsa «Hablar con una persona».`,
  orderLookupFailed: "Ahora mismo no puedo consultar pedidos. Inténtalo de nuevo en un momento o pulsa «Hablar con una persona» y nuestro equipo lo revisará.",
  orderStatus: (s, f, promise, brief = false) => {
    switch (s.kind) {
      case "unfulfilled":
        return (
          `El pedido ${s.name} se realizó el ${f.day(s.placedAt)} (hace ` +
          `${s.daysSincePlaced === 1 ? "1 día" : `${s.daysSincePlaced} días`}) y todavía no se ha ` +
          `enviado.${promise ? ` Nuestra política de envíos dice: «${promise}»` : ""}`
        );
      case "partially_fulfilled":
        return (
          `Parte del pedido ${s.name} ya se ha enviado: salió el ` +
          `${f.day(s.shippedAt!)}${where(s, brief)}${s.deliveredAt ? ` y se entregó el ${f.day(s.deliveredAt)}` : ""}. El resto ` +
          `del pedido aún no se ha enviado.`
        );
      case "in_transit":
        return (
          `El pedido ${s.name} está en camino: se envió el ` +
          `${f.day(s.shippedAt!)}${where(s, brief)}.${s.estimatedDeliveryAt ? ` Entrega prevista: ${f.day(s.estimatedDeliveryAt)}.` : ""}`
        );
      case "delivered":
        if (brief) return `El pedido ${s.name} se entregó el ${f.day(s.deliveredAt!)}.`;
        return `El pedido ${s.name} se entregó el ${f.day(s.deliveredAt!)}. Se envió el ${f.day(s.shippedAt!)}${where(s)}.`;
      case "refunded":
        return (
          `El pedido ${s.name} se ` +
          `reembolsó${s.refunded ? ` (${f.money(s.refunded)})` : ""}.${promise ? ` Nuestra política de reembolsos dice: «${promise}»` : ""}`
        );
      case "cancelled": {
        const refund =
          s.refund === "full"
            ? ` y se reembolsó${s.refunded ? ` (${f.money(s.refunded)})` : ""}.`
            : s.refund === "partial"
              ? " y se reembolsó en parte."
              : ". El pago aún no se ha reembolsado.";
        return `El pedido ${s.name} se canceló el ${f.day(s.cancelledAt!)}${refund}${promise ? ` Nuestra política de reembolsos dice: «${promise}»` : ""}`;
      }
    }
  },
  deliveredFollowUp: "Si no te ha llegado, dímelo y se lo pasaré a nuestro equipo.",
  noOrdersForCustomer:
    "No veo pedidos recientes en tu cuenta (los de hace más de 60 días pueden no aparecer aquí). Si compraste " +
    "como invitado, dime el número de pedido y lo consulto.",
  olderOrders: (others, f) =>
    `Tus otros pedidos recientes: ` +
    `${others.map((o) => `${o.name} (${es.statusWord(o.status)}, ${f.day(o.placedAt)})`).join(", ")}. Dime si te ` +
    `refieres a alguno de ellos.`,
  statusWord: (k) =>
    ({
      unfulfilled: "sin enviar",
      partially_fulfilled: "enviado en parte",
      in_transit: "en camino",
      delivered: "entregado",
      cancelled: "cancelado",
      refunded: "reembolsado",
    })[k],

  policy: (title, excerpt, url) => `Esta es nuestra política (${title}): ${excerpt}${url ? ` Política completa: ${url}` : ""}`,
  noPolicy: (topic) => `No tengo a mano la política de ${topic === "refund" ? "devoluciones y reembolsos" : "envíos"} de la tienda.`,
  contact: (c, hours) =>
    `${es.contactLine(c).replace(/\.$/, hours ? ` ${hours}.` : ".")} También puedes pulsar «Hablar con una persona» y pasaré tu pregunta a nuestro equipo.`,
  contactLine: (c) => {
    const ways = [c.email, c.phone].filter(Boolean);
    if (ways.length > 0) return `Puedes contactar con ${c.shopName} en ${ways.join(" o ")}.`;
    if (c.url) return `Puedes contactar con ${c.shopName} a través de ${c.url}.`;
    return `Puedes contactar con ${c.shopName} desde la página de contacto de esta tienda.`;
  },
  productPrice: (title, price) => `${title}: ${price}.`,
  productVariantPrices: (title, prices) => `${title}: ${prices.map((p) => `${p.variant ? `${p.variant} ` : ""}${p.price}`).join(", ")}.`,
  variantAvailability: (entries) => `Disponibilidad: ${entries.map((e) => `${e.variant}: ${es.stockWord(e.stock)}`).join(", ")}.`,
  productStock: (stock) => `Está ${es.stockWord(stock)}.`,
  stockWord: (s) => ({ sold_out: "agotado", left: `quedan ${s.kind === "left" ? s.count : 0}`, in_stock: "en stock", available: "disponible" })[s.kind],
  notInColour: (title, values) => `${title} solo está disponible en ${values}.`,
  descriptionSays: (quotes) => `La descripción del producto dice: «${quotes.join(" ")}»`,
  descriptionSilent: (aspect) =>
    `La descripción del producto no dice nada sobre ${{ care: "cómo cuidarlo", size: "su tamaño", material: "de qué está hecho" }[aspect]}.`,
  productLink: (url) => `Página del producto: ${url}`,
  productList: (lines, r) => {
    const range = r.min && r.max ? ` entre ${r.min} y ${r.max}` : r.max ? ` por hasta ${r.max}` : r.min ? ` desde ${r.min}` : "";
    const items = lines.map((l) => `${l.title} (${l.from ? "desde " : ""}${l.price})`).join(", ");
    return r.gift ? `Algunas ideas de regalo${range}: ${items}.` : `Esto es lo que tenemos${range}: ${items}.`;
  },
  closestProducts: (lines) => `Lo más parecido que tenemos: ${lines.map((l) => `${l.title} (${l.from ? "desde " : ""}${l.price})`).join(", ")}.`,
  notCarried: "No lo he encontrado en nuestro catálogo; parece que no lo vendemos.",
  catalogueUnavailable:
    "Ahora mismo no puedo consultar nuestros productos. Inténtalo de nuevo en un momento o pulsa «Hablar con una persona» y nuestro equipo te ayudará.",
  changeRequest: (kind) =>
    `No puedo ${kind === "address" ? "cambiar la dirección de envío de un pedido" : "cancelar un pedido"} yo ` +
    `mismo, pero nuestro equipo sí puede si aún no se ha enviado. ¿Quieres que te ponga en contacto con ellos?`,

  miss:
    "No estoy seguro de haberte entendido. Puedo consultar el estado de un pedido (envíame el número), responder " +
    "preguntas sobre envíos, devoluciones y reembolsos, o decirte cómo contactar con nuestro equipo.",
  missAgain: "Lo siento, con eso no puedo ayudarte yo. ¿Quieres que te ponga en contacto con una persona de nuestro equipo?",

  empathy: "Siento mucho lo ocurrido.",
  askEmail: (shop) => `Te pondré en contacto con nuestro equipo de atención de ${shop}. ¿A qué dirección de correo pueden responderte?`,
  askEmailAgain: "Para pasar tu caso a nuestro equipo necesito un correo al que puedan responderte. ¿Cuál prefieres? (O di «no, gracias»).",
  invalidEmail: "Esa dirección de correo no parece válida. ¿Puedes revisarla? Debería ser como nombre@ejemplo.com. (O di «no, gracias» si lo prefieres).",
  stillNeedEmail: "Cuando quieras, comparte tu correo y pasaré tu caso a nuestro equipo (o di «no, gracias»).",
  declined: (contact) => `De acuerdo, no pasaré nada a nadie. ${contact}`,
  cannotForward: (contact) => `Me gustaría ponerte en contacto con nuestro equipo, pero ahora mismo no puedo enviar tu caso desde este chat. ${contact}`,
  forwarded: (email) =>
    `He enviado tu caso a nuestro equipo de atención con esta conversación, así que no tendrás que repetir nada. ` +
    `Te escribirán a ${email}. Puedes añadir aquí cualquier otra cosa y se la haré llegar.`,
  alreadyWithTeam: (email) =>
    `Tu caso ya está con nuestro equipo de atención: responderán a ${email ?? "tu correo"}. Todo lo que añadas aquí también les llegará.`,
  addedToCase: (email) => `Gracias, lo he añadido a tu caso. Nuestro equipo responderá a ${email ?? "tu correo"}.`,
  repeatPrefix: "Te lo repito:",
  askWhatAbout: (order) =>
    `Claro. Para que nuestro equipo te ayude sin volver a preguntarte: ¿de qué se trata? Con una frase basta` +
    `${order ? ` (¿es sobre el pedido ${order}?)` : " (y el número de pedido, si es sobre un pedido)"}.`,
  caseLine: (request, order) => `Resumen para nuestro equipo: «${REQUEST_LABELS[request]}${order ? `, pedido ${order}` : ""}».`,
  goodbye: "Me alegra haberte ayudado. ¡Que tengas un buen día!",
  goodbyeWithTeam: (email) => `¡De nada! Nuestro equipo tiene tu caso y te responderá a ${email ?? "tu correo electrónico"}.`,
  botAnswer: (shop) =>
    `Soy el asistente automático de ${shop}, no una persona. Puedo consultar pedidos y responder preguntas sobre la tienda, ` +
    `y pasarte con una persona de nuestro equipo cuando quieras.`,
  sorryForDelay: "Siento que tu pedido esté tardando más de lo debido.",
  policyInShopLanguage: (lang) => `(La política de la tienda está redactada en ${LANGUAGE_NAMES[lang]}).`,
  offerPerson: "¿Quieres que te ponga en contacto con una persona de nuestro equipo?",
  offerDeclined: "De acuerdo. ¿Puedo ayudarte con algo más?",
  modelFallbackOffer: "Si quieres, puedo ponerte en contacto con una persona de nuestro equipo: pulsa «Hablar con una persona».",
};
