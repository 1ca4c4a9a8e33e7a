import type { ShopperRequest } from "../../escalation";
import type { Language } from "../language";
import type { ReplyCatalog } from "./types";

const REQUEST_LABELS: Record<ShopperRequest, string> = {
  cancel_order: "Annuler la commande",
  change_address: "Changer l'adresse de livraison",
  change_item: "Échanger un article (taille ou couleur)",
  return_item: "Retourner un article",
  refund: "Remboursement",
  damaged_item: "Article endommagé",
  wrong_item: "Mauvais article reçu",
  missing_parcel: "Colis non reçu",
  stalled_order: "Commande bloquée",
  order_problem: "Problème de commande",
  billing: "Problème de facturation",
  account: "Problème de compte",
  product_question: "Question sur un produit",
  complaint: "Réclamation",
  talk_to_person: "Parler à une personne",
  other: "Question pour l'équipe",
};

const LANGUAGE_NAMES: Record<Language, string> = { en: "anglais", es: "espagnol", fr: "français", de: "allemand" };

// With the order card beside the text (brief), the card shows the tracking number and link.
const where = (s: { carrier: string | null; trackingNumber: string | null; trackingUrl: string | null }, brief = false) =>
  `${s.carrier ? ` avec ${s.carrier}` : ""}${s.trackingNumber && !brief ? `, numéro de suivi ${s.trackingNumber}` : ""}` +
  `${s.trackingUrl && !brief ? ` (suivi : ${s.trackingUrl})` : ""}`;

/** French. */
export const fr: ReplyCatalog = {
  welcomeGreeting:
    "Bonjour ! Je peux vérifier l’état de votre commande, répondre à vos questions sur la livraison et les " +
    "retours, ou vous mettre en relation avec notre équipe.",
  thanks: "Avec plaisir ! Puis-je vous aider pour autre chose ?",
  anythingElse: "Puis-je vous aider pour autre chose ?",
  notedEmail: (email) => `Merci, j’ai noté ${email}. Que puis-je faire pour vous ? Donnez-moi le numéro de commande et je vérifie son état.`,
  incompleteEmail: "Cette adresse e-mail semble incomplète. Pouvez-vous la vérifier (par exemple nom@exemple.com) ?",

  askOrderNumber: "Je peux vérifier cela. Quel est votre numéro de commande ? Vous le trouverez dans l’e-mail de confirmation de commande (par exemple #1042).",
  askOrderEmail: (order) =>
    `Je peux vérifier la commande ${order}. Pour protéger votre vie privée, quelle adresse e-mail avez-vous utilisée pour la commande ?`,
  orderNotMatched: (order) =>
    `Je n’ai pas pu associer la commande ${order} à cette adresse e-mail. Pouvez-vous vérifier le numéro de ` +
    `commande et utiliser l’e-mail de votre achat ? (Les commandes de plus de 60 jours peuvent ne pas apparaître ` +
    `ici ; notre équipe peut les vérifier.)`,
  orderNotMatchedAgain: (order) =>
    `Cela ne correspond toujours pas à la commande ${order}. Si vous ne savez plus quel e-mail a été utilisé, je ` +
    `peux vous mettre en relation avec notre équipe : touchez « Parler à une personne ».`,
  orderLookupFailed:
    "Je ne peux pas consulter les commandes pour le moment. Réessayez dans un instant, ou touchez « Parler à une " +
    "personne » et notre équipe vérifiera pour vous.",
  orderStatus: (s, f, promise, brief = false) => {
    switch (s.kind) {
      case "unfulfilled":
        return (
          `La commande ${s.name} a été passée le ${f.day(s.placedAt)} (il y a ` +
          `${s.daysSincePlaced === 1 ? "1 jour" : `${s.daysSincePlaced} jours`}) et n’a pas encore été ` +
          `expédiée.${promise ? ` Notre politique d’expédition indique : « ${promise} »` : ""}`
        );
      case "partially_fulfilled":
        return (
          `Une partie de la commande ${s.name} a été expédiée : elle est partie le ` +
          `${f.day(s.shippedAt!)}${where(s, brief)}${s.deliveredAt ? ` et a été livrée le ${f.day(s.deliveredAt)}` : ""}. Le ` +
          `reste de la commande n’a pas encore été expédié.`
        );
      case "in_transit":
        return (
          `La commande ${s.name} est en route : elle a été expédiée le ` +
          `${f.day(s.shippedAt!)}${where(s, brief)}.${s.estimatedDeliveryAt ? ` Livraison prévue : ${f.day(s.estimatedDeliveryAt)}.` : ""}`
        );
      case "delivered":
        if (brief) return `La commande ${s.name} a été livrée le ${f.day(s.deliveredAt!)}.`;
        return `La commande ${s.name} a été livrée le ${f.day(s.deliveredAt!)}. Elle a été expédiée le ${f.day(s.shippedAt!)}${where(s)}.`;
      case "refunded":
        return (
          `La commande ${s.name} a été ` +
          `remboursée${s.refunded ? ` (${f.money(s.refunded)})` : ""}.${promise ? ` Notre politique de remboursement indique : « ${promise} »` : ""}`
        );
      case "cancelled": {
        const refund =
          s.refund === "full"
            ? ` et remboursée${s.refunded ? ` (${f.money(s.refunded)})` : ""}.`
            : s.refund === "partial"
              ? " et remboursée en partie."
              : ". Le paiement n’a pas encore été remboursé.";
        return (
          `La commande ${s.name} a été annulée le ` +
          `${f.day(s.cancelledAt!)}${refund}${promise ? ` Notre politique de remboursement indique : « ${promise} »` : ""}`
        );
      }
    }
  },
  deliveredFollowUp: "Si vous ne l’avez pas reçue, dites-le-moi et je transmettrai à notre équipe.",
  noOrdersForCustomer:
    "Je ne vois aucune commande récente sur votre compte (celles de plus de 60 jours peuvent ne pas apparaître " +
    "ici). Si vous avez commandé sans compte, donnez-moi le numéro de commande et je vérifie.",
  olderOrders: (others, f) =>
    `Vos autres commandes récentes : ` +
    `${others.map((o) => `${o.name} (${fr.statusWord(o.status)}, ${f.day(o.placedAt)})`).join(", ")}. Dites-moi ` +
    `s’il s’agit de l’une d’elles.`,
  statusWord: (k) =>
    ({
      unfulfilled: "pas encore expédiée",
      partially_fulfilled: "expédiée en partie",
      in_transit: "en route",
      delivered: "livrée",
      cancelled: "annulée",
      refunded: "remboursée",
    })[k],

  policy: (title, excerpt, url) => `Voici notre politique (${title}) : ${excerpt}${url ? ` Politique complète : ${url}` : ""}`,
  noPolicy: (topic) => `Je n’ai pas la politique ${topic === "refund" ? "de retour et de remboursement" : "d’expédition"} de la boutique sous la main.`,
  contact: (c, hours) =>
    `${fr.contactLine(c).replace(/\.$/, hours ? ` ${hours}.` : ".")} Vous pouvez aussi toucher « Parler à une ` +
    `personne » et je transmettrai votre question à notre équipe.`,
  contactLine: (c) => {
    const ways = [c.email, c.phone].filter(Boolean);
    if (ways.length > 0) return `Vous pouvez joindre ${c.shopName} à ${ways.join(" ou ")}.`;
    if (c.url) return `Vous pouvez joindre ${c.shopName} via ${c.url}.`;
    return `Vous pouvez joindre ${c.shopName} via la page de contact de cette boutique.`;
  },
  productPrice: (title, price) => `${title} : ${price}.`,
  productVariantPrices: (title, prices) => `${title} : ${prices.map((p) => `${p.variant ? `${p.variant} ` : ""}${p.price}`).join(", ")}.`,
  variantAvailability: (entries) => `Disponibilité : ${entries.map((e) => `${e.variant} : ${fr.stockWord(e.stock)}`).join(", ")}.`,
  productStock: (stock) => `Il est ${fr.stockWord(stock)}.`,
  stockWord: (s) => ({ sold_out: "épuisé", left: `plus que ${s.kind === "left" ? s.count : 0}`, in_stock: "en stock", available: "disponible" })[s.kind],
  notInColour: (title, values) => `${title} existe uniquement en ${values}.`,
  descriptionSays: (quotes) => `La description du produit indique : « ${quotes.join(" ")} »`,
  descriptionSilent: (aspect) =>
    `La description du produit ne dit rien sur ${{ care: "son entretien", size: "ses dimensions", material: "sa matière" }[aspect]}.`,
  productLink: (url) => `Page du produit : ${url}`,
  productList: (lines, r) => {
    const range = r.min && r.max ? ` entre ${r.min} et ${r.max}` : r.max ? ` jusqu’à ${r.max}` : r.min ? ` à partir de ${r.min}` : "";
    const items = lines.map((l) => `${l.title} (${l.from ? "à partir de " : ""}${l.price})`).join(", ");
    return r.gift ? `Quelques idées cadeaux${range} : ${items}.` : `Voici ce que nous avons${range} : ${items}.`;
  },
  closestProducts: (lines) => `Ce qui s’en rapproche le plus : ${lines.map((l) => `${l.title} (${l.from ? "à partir de " : ""}${l.price})`).join(", ")}.`,
  notCarried: "Je ne l’ai pas trouvé dans notre catalogue : il semble que nous ne le proposions pas.",
  catalogueUnavailable:
    "Je ne peux pas consulter nos produits pour le moment. Réessayez dans un instant, ou appuyez sur « Parler à une personne » et notre équipe vous aidera.",
  changeRequest: (kind) =>
    `Je ne peux pas ` +
    `${kind === "address" ? "modifier l’adresse de livraison d’une commande" : "annuler une commande"} moi-même, ` +
    `mais notre équipe le peut si elle n’a pas encore été expédiée. Voulez-vous que je vous mette en relation ?`,

  miss:
    "Je ne suis pas sûr d’avoir compris. Je peux vérifier l’état d’une commande (envoyez-moi le numéro), répondre " +
    "aux questions sur la livraison, les retours et les remboursements, ou vous dire comment joindre notre équipe.",
  missAgain: "Désolé, je ne peux pas vous aider moi-même sur ce point. Voulez-vous que je vous mette en relation avec une personne de notre équipe ?",

  empathy: "Je suis désolé pour ce désagrément.",
  askEmail: (shop) => `Je vais vous mettre en relation avec notre service client de ${shop}. À quelle adresse e-mail peuvent-ils vous répondre ?`,
  askEmailAgain:
    "Pour transmettre votre demande à notre équipe, j’ai besoin d’une adresse e-mail à laquelle vous répondre. " +
    "Laquelle préférez-vous ? (Ou dites « non merci ».)",
  invalidEmail:
    "Cette adresse e-mail ne semble pas valide. Pouvez-vous la vérifier ? Elle devrait ressembler à " +
    "nom@exemple.com. (Ou dites « non merci » si vous préférez.)",
  stillNeedEmail: "Quand vous voulez, indiquez votre adresse e-mail et je transmettrai votre demande à notre équipe (ou dites « non merci »).",
  declined: (contact) => `Pas de souci, je ne transmets rien. ${contact}`,
  cannotForward: (contact) =>
    `J’aimerais vous mettre en relation avec notre équipe, mais je ne peux pas transmettre votre demande depuis ce chat pour le moment. ${contact}`,
  forwarded: (email) =>
    `J’ai transmis votre demande à notre service client avec cette conversation : vous n’aurez rien à répéter. ` +
    `Ils vous contacteront à ${email}. Vous pouvez ajouter ici tout autre détail, je le leur transmettrai.`,
  alreadyWithTeam: (email) =>
    `Votre demande est déjà entre les mains de notre service client : ils répondront à ` +
    `${email ?? "votre adresse e-mail"}. Tout ce que vous ajoutez ici leur parvient aussi.`,
  addedToCase: (email) => `Merci, je l’ai ajouté à votre demande. Notre équipe répondra à ${email ?? "votre adresse e-mail"}.`,
  repeatPrefix: "Je vous le redonne :",
  askWhatAbout: (order) =>
    `Bien sûr. Pour que notre équipe puisse vous aider sans vous redemander : de quoi s'agit-il ? Une phrase suffit` +
    `${order ? ` (s'agit-il de la commande ${order} ?)` : " (et le numéro de commande, s'il s'agit d'une commande)"}.`,
  caseLine: (request, order) => `Résumé pour notre équipe : « ${REQUEST_LABELS[request]}${order ? `, commande ${order}` : ""} ».`,
  goodbye: "Ravi d'avoir pu vous aider. Bonne journée !",
  goodbyeWithTeam: (email) => `Je vous en prie ! Notre équipe a votre demande et vous répondra à ${email ?? "votre adresse e-mail"}.`,
  botAnswer: (shop) =>
    `Je suis l'assistant automatique de ${shop}, pas une personne. Je peux vérifier vos commandes et répondre à vos questions ` +
    `sur la boutique, et vous mettre en relation avec une personne de notre équipe quand vous le souhaitez.`,
  sorryForDelay: "Je suis désolé que votre commande prenne plus de temps que prévu.",
  policyInShopLanguage: (lang) => `(La politique de la boutique est rédigée en ${LANGUAGE_NAMES[lang]}.)`,
  offerPerson: "Voulez-vous que je vous mette en relation avec une personne de notre équipe ?",
  offerDeclined: "Très bien. Puis-je vous aider pour autre chose ?",
  modelFallbackOffer: "Si vous le souhaitez, je peux vous mettre en relation avec une personne de notre équipe : touchez « Parler à une personne ».",
};
