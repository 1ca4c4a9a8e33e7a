import { Form, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, DataTable, InlineStack, Link, Text } from "@shopify/polaris";
import { useState } from "react";
import type { OrderFacts, CustomerFacts } from "~/domain/orders";
import { humanFinancialStatus, humanFulfillmentStatus, humanShipmentStatus, safeHttpUrl } from "~/domain/email/format";
import { useFormatters } from "./admin-ui";
import type { CaseDetail } from "./cases.server";
import { EMAIL_STATUS_LABEL, EMAIL_STATUS_TONE, label } from "./labels";
import { EmailPreview } from "./email-preview";

// Cards of the case page. Order and customer facts were stored by the case writer in the shape of
// app/domain/orders.ts; anything missing is left out rather than shown as raw data.

const asOrder = (v: unknown): OrderFacts | null => (v && typeof v === "object" && "name" in v ? (v as OrderFacts) : null);
const asCustomer = (v: unknown): CustomerFacts | null => (v && typeof v === "object" ? (v as CustomerFacts) : null);

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <InlineStack align="space-between" gap="200" wrap={false}>
      <Text as="span" tone="subdued">
        {term}
      </Text>
      <Text as="span" alignment="end">
        {children}
      </Text>
    </InlineStack>
  );
}

export function OrderCard({ facts, orderName, url }: { facts: unknown; orderName: string | null; url: string | null }) {
  const fmt = useFormatters();
  const order = asOrder(facts);
  if (!order) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Order
          </Text>
          <Text as="p" tone="subdued">
            {orderName ? `The shopper mentioned ${orderName}, but it was not verified as theirs.` : "No order was discussed."}
          </Text>
        </BlockStack>
      </Card>
    );
  }
  const items = Array.isArray(order.items) ? order.items : [];
  const fulfillments = Array.isArray(order.fulfillments) ? order.fulfillments : [];
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Order {order.name}
          </Text>
          {url ? (
            <Link url={url} target="_blank">
              View order in Shopify
            </Link>
          ) : null}
        </InlineStack>
        <InlineStack gap="100">
          <Badge tone={order.financialStatus === "PAID" ? undefined : "attention"}>{humanFinancialStatus(order.financialStatus)}</Badge>
          <Badge tone={order.fulfillmentStatus === "FULFILLED" ? undefined : "attention"}>{humanFulfillmentStatus(order.fulfillmentStatus)}</Badge>
          {order.cancelledAt ? <Badge tone="warning">Canceled</Badge> : null}
        </InlineStack>
        {order.createdAt ? <Row term="Placed">{fmt.date(order.createdAt)}</Row> : null}
        {order.total ? <Row term="Total">{fmt.money(order.total.amount, order.total.currencyCode)}</Row> : null}
        {items.length ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Items
            </Text>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {items.map((it, i) => (
                <li key={i}>
                  {it.quantity} × {it.title}
                  {it.variantTitle ? <Text as="span" tone="subdued">{` (${it.variantTitle})`}</Text> : null}
                </li>
              ))}
            </ul>
          </BlockStack>
        ) : null}
        {fulfillments.map((f, i) => (
          <Box key={i} paddingBlockStart="200" borderBlockStartWidth="025" borderColor="border">
            <BlockStack gap="100">
              <Text as="h3" variant="headingSm">
                Shipment {fulfillments.length > 1 ? i + 1 : ""} {f.displayStatus ? `· ${humanShipmentStatus(f.displayStatus)}` : ""}
              </Text>
              {f.deliveredAt ? (
                <Row term="Delivered">{fmt.date(f.deliveredAt)}</Row>
              ) : f.inTransitAt ? (
                <Row term="In transit since">{fmt.date(f.inTransitAt)}</Row>
              ) : null}
              {f.estimatedDeliveryAt && !f.deliveredAt ? <Row term="Expected">{fmt.date(f.estimatedDeliveryAt)}</Row> : null}
              {(f.tracking ?? []).map((t, j) => {
                const href = safeHttpUrl(t.url);
                return (
                  <Row key={j} term={t.company ?? "Tracking"}>
                    {href ? (
                      <Link url={href} target="_blank">
                        {t.number ?? "Track"}
                      </Link>
                    ) : (
                      (t.number ?? "—")
                    )}
                  </Row>
                );
              })}
            </BlockStack>
          </Box>
        ))}
      </BlockStack>
    </Card>
  );
}

export function CustomerCard({
  facts,
  email,
  name,
  url,
  vip,
}: {
  facts: unknown;
  email: string | null;
  name: string | null;
  url: string | null;
  vip: boolean;
}) {
  const fmt = useFormatters();
  const c = asCustomer(facts);
  const tags = Array.isArray(c?.tags) ? c!.tags : [];
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Customer
          </Text>
          {url ? (
            <Link url={url} target="_blank">
              View customer in Shopify
            </Link>
          ) : null}
        </InlineStack>
        <BlockStack gap="100">
          <InlineStack gap="100" blockAlign="center">
            <Text as="p" fontWeight="semibold">
              {name ?? "Name not known"}
            </Text>
            {vip ? <Badge tone="info">VIP</Badge> : null}
          </InlineStack>
          {email ? (
            <Link url={`mailto:${email}`} removeUnderline>
              {email}
            </Link>
          ) : (
            <Text as="p" tone="subdued">
              No email given
            </Text>
          )}
        </BlockStack>
        {c && typeof c.numberOfOrders === "number" ? <Row term="Orders">{fmt.number(c.numberOfOrders)}</Row> : null}
        {c?.amountSpent ? <Row term="Total spent">{fmt.money(c.amountSpent.amount, c.amountSpent.currencyCode)}</Row> : null}
        {tags.length ? (
          <InlineStack gap="100">
            {tags.map((t) => (
              <Badge key={t}>{t}</Badge>
            ))}
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

export function ModelUsageCard({ llm }: { llm: CaseDetail["llm"] }) {
  const fmt = useFormatters();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Language model
        </Text>
        <Row term="Replies by the model">{fmt.number(llm.modelReplies)}</Row>
        <Row term="Replies by the built-in assistant">{fmt.number(llm.builtInReplies)}</Row>
        <Row term="Tokens (prompt / reply)">{`${fmt.number(llm.tokensIn)} / ${fmt.number(llm.tokensOut)}`}</Row>
        <Row term="Time waiting for the model">{fmt.duration(llm.latencyMs / 1000)}</Row>
        {llm.fallbacks.length ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Fallbacks to the built-in assistant
            </Text>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {llm.fallbacks.map((f) => (
                <li key={f.reason}>
                  {f.reason} ({f.count})
                </li>
              ))}
            </ul>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

type Email = CaseDetail["emails"][number];

export function EmailCard({ email }: { email: Email }) {
  const fmt = useFormatters();
  const navigation = useNavigation();
  const [part, setPart] = useState<"html" | "text">("html");
  const resending = navigation.state !== "idle" && navigation.formData?.get("outboxId") === email.id;
  const busy = email.status === "pending" || email.status === "sending";
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {email.kind === "case" ? "Escalation email" : "Follow-up email"}
            </Text>
            <span data-email-status={email.status}>
              <Badge tone={EMAIL_STATUS_TONE[email.status]}>{label(EMAIL_STATUS_LABEL, email.status)}</Badge>
            </span>
          </InlineStack>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <input type="hidden" name="outboxId" value={email.id} />
            <InlineStack gap="200" blockAlign="center">
              {busy ? (
                <span role="status">
                  <Text as="span" tone="subdued">
                    {resending ? "Queuing…" : "On its way…"}
                  </Text>
                </span>
              ) : null}
              <Button submit loading={resending} disabled={busy} accessibilityLabel={`Resend ${email.kind === "case" ? "escalation" : "follow-up"} email`}>
                Resend
              </Button>
            </InlineStack>
          </Form>
        </InlineStack>
        <dl style={{ display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", gap: "4px 12px", margin: 0, overflowWrap: "anywhere" }}>
          <dt>Subject</dt>
          <dd style={{ margin: 0 }} data-testid="email-subject">
            {email.subject}
          </dd>
          <dt>To</dt>
          <dd style={{ margin: 0 }}>{email.to.join(", ")}</dd>
          {email.cc.length ? (
            <>
              <dt>CC</dt>
              <dd style={{ margin: 0 }}>{email.cc.join(", ")}</dd>
            </>
          ) : null}
          <dt>Reply-To</dt>
          <dd style={{ margin: 0 }}>{email.replyTo ?? "—"}</dd>
          <dt>From</dt>
          <dd style={{ margin: 0 }}>{email.from}</dd>
          {email.sentAt ? (
            <>
              <dt>Sent</dt>
              <dd style={{ margin: 0 }}>{fmt.dateTime(email.sentAt)}</dd>
            </>
          ) : null}
        </dl>
        <InlineStack gap="200">
          <Button pressed={part === "html"} onClick={() => setPart("html")} size="slim">
            As your team sees it
          </Button>
          <Button pressed={part === "text"} onClick={() => setPart("text")} size="slim">
            Plain text
          </Button>
        </InlineStack>
        {part === "html" ? (
          <EmailPreview html={email.html} title={`Email: ${email.subject}`} />
        ) : (
          <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontSize: 13, margin: 0, padding: 12, background: "#f7f7f7", borderRadius: 8 }}>
            {email.text}
          </pre>
        )}
        <details>
          <summary>
            Delivery attempts ({email.attemptLog.length}) · Message-ID <code>{email.messageId}</code>
          </summary>
          {email.attemptLog.length ? (
            <DataTable
              columnContentTypes={["text", "text", "text"]}
              headings={["When", "Result", "Mail server said"]}
              rows={email.attemptLog.map((a) => [fmt.dateTime(a.at), a.ok ? "Accepted" : "Failed", (a.ok ? a.response : a.error) ?? ""])}
            />
          ) : (
            <Text as="p" tone="subdued">
              No attempt yet.
            </Text>
          )}
        </details>
      </BlockStack>
    </Card>
  );
}
