import { db } from "~/db.server";
import { cachedSessionStorage } from "~/shopify.server";

interface CustomerRef {
  id?: number | string;
  email?: string | null;
}

/**
 * Privacy duties. customers/redact removes that customer's conversations (messages, cases and
 * outbox rows cascade); shop/redact removes everything of the shop; customers/data_request is
 * recorded for the merchant. All are idempotent.
 */
export async function handleComplianceWebhook(topic: string, shop: string, payload: Record<string, unknown>): Promise<void> {
  const customer = (payload.customer ?? {}) as CustomerRef;
  const customerId = customer.id !== undefined ? String(customer.id) : null;
  const email = customer.email?.trim().toLowerCase() || null;

  switch (topic) {
    case "CUSTOMERS_DATA_REQUEST":
      await db().dataRequest.create({ data: { shop, topic, customerId, email, payload: payload as object } });
      return;
    case "CUSTOMERS_REDACT": {
      const who = [
        ...(customerId ? [{ customerId }] : []),
        ...(email ? [{ shopperEmail: email }] : []),
      ];
      if (who.length > 0) await db().conversation.deleteMany({ where: { shop, OR: who } });
      if (email) await db().outboxEmail.deleteMany({ where: { shop, replyTo: email } });
      await db().dataRequest.create({ data: { shop, topic, customerId, email: null, payload: { redacted: true }, completedAt: new Date() } });
      return;
    }
    case "SHOP_REDACT":
      await db().session.deleteMany({ where: { shop } });
      cachedSessionStorage.forgetShop(shop);
      await db().shop.deleteMany({ where: { domain: shop } });
      await db().dataRequest.deleteMany({ where: { shop } });
      return;
    default:
      return;
  }
}
