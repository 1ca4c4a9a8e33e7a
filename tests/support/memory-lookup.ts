import type { CustomerFacts, OrderFacts, OrderLookup, PolicySource, ShopPolicy } from "../../app/domain/orders";

/** An in-memory order lookup (the OrderLookup and PolicySource ports, no Admin API) for in-process turns. */
export const customer: CustomerFacts = {
  id: "gid://shopify/Customer/1",
  email: "ava@example.com",
  displayName: "Ava Stone",
  numberOfOrders: 2,
  amountSpent: { amount: "90.00", currencyCode: "USD" },
  tags: [],
};

export function order(name: string, over: Partial<OrderFacts> = {}): OrderFacts {
  return {
    id: `gid://shopify/Order/${name.slice(1)}`,
    name,
    email: "ava@example.com",
    createdAt: "2026-02-10T10:00:00Z",
    cancelledAt: null,
    closed: false,
    financialStatus: "PAID",
    fulfillmentStatus: "FULFILLED",
    items: [{ title: "Lamp", variantTitle: null, quantity: 1 }],
    total: { amount: "45.00", currencyCode: "USD" },
    fulfillments: [
      {
        status: "SUCCESS",
        displayStatus: "DELIVERED",
        createdAt: "2026-02-11T10:00:00Z",
        inTransitAt: null,
        deliveredAt: "2026-02-13T10:00:00Z",
        estimatedDeliveryAt: null,
        tracking: [{ company: "DHL", number: "JD0001", url: "https://dhl.example/JD0001" }],
      },
    ],
    customer,
    ...over,
  };
}

export function memoryLookup(orders: OrderFacts[], signed: CustomerFacts | null = null): OrderLookup & PolicySource {
  return {
    async findOrderByName(name) {
      return orders.find((o) => o.name === name) ?? null;
    },
    async findCustomer(id) {
      return signed && signed.id.endsWith(`/${id}`) ? signed : null;
    },
    async listCustomerOrders(id, limit) {
      return orders.filter((o) => o.customer?.id.endsWith(`/${id}`)).slice(0, limit);
    },
    async listPolicies(): Promise<ShopPolicy[]> {
      return [{ kind: "shipping", title: "Shipping policy", body: "Orders ship within 3 business days.", url: null }];
    },
  };
}
