import { Form, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, DataTable, InlineStack, Link, Text } from "@shopify/polaris";
import { useState } from "react";
import type { OrderFacts, CustomerFacts } from "~/domain/orders";
import { humanFinancialStatus, humanFulfillmentStatus, humanShipmentStatus, safeHttpUrl } from "~/domain/email/format";
import { useFormatters, useT } from "./admin-ui";
import type { CaseDetail } from "./cases.server";
import { EMAIL_STATUS_TONE } from "./labels";
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
  const t = useT().cards;
  const order = asOrder(facts);
  if (!order) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {t.order}
          </Text>
          <Text as="p" tone="subdued">
            {orderName ? t.unverified(orderName) : t.noOrder}
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
            {t.orderName(order.name)}
          </Text>
          {url ? (
            <Link url={url} target="_blank">
              {t.viewOrder}
            </Link>
          ) : null}
        </InlineStack>
        <InlineStack gap="100">
          <Badge tone={order.financialStatus === "PAID" ? undefined : "attention"}>{humanFinancialStatus(order.financialStatus)}</Badge>
          <Badge tone={order.fulfillmentStatus === "FULFILLED" ? undefined : "attention"}>{humanFulfillmentStatus(order.fulfillmentStatus)}</Badge>
          {order.cancelledAt ? <Badge tone="warning">{t.canceled}</Badge> : null}
        </InlineStack>
        {order.createdAt ? <Row term={t.placed}>{fmt.date(order.createdAt)}</Row> : null}
        {order.total ? <Row term={t.total}>{fmt.money(order.total.amount, order.total.currencyCode)}</Row> : null}
        {items.length ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t.items}
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
                {t.shipment} {fulfillments.length > 1 ? i + 1 : ""} {f.displayStatus ? `· ${humanShipmentStatus(f.displayStatus)}` : ""}
              </Text>
              {f.deliveredAt ? (
                <Row term={t.delivered}>{fmt.date(f.deliveredAt)}</Row>
              ) : f.inTransitAt ? (
                <Row term={t.inTransit}>{fmt.date(f.inTransitAt)}</Row>
              ) : null}
              {f.estimatedDeliveryAt && !f.deliveredAt ? <Row term={t.expected}>{fmt.date(f.estimatedDeliveryAt)}</Row> : null}
              {(f.tracking ?? []).map((tr, j) => {
                const href = safeHttpUrl(tr.url);
                return (
                  <Row key={j} term={tr.company ?? t.tracking}>
                    {href ? (
                      <Link url={href} target="_blank">
                        {tr.number ?? t.track}
                      </Link>
                    ) : (
                      (tr.number ?? "—")
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
  const t = useT().cards;
  const c = asCustomer(facts);
  const tags = Array.isArray(c?.tags) ? c!.tags : [];
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t.customer}
          </Text>
          {url ? (
            <Link url={url} target="_blank">
              {t.viewCustomer}
            </Link>
          ) : null}
        </InlineStack>
        <BlockStack gap="100">
          <InlineStack gap="100" blockAlign="center">
            <Text as="p" fontWeight="semibold">
              {name ?? t.nameUnknown}
            </Text>
            {vip ? <Badge tone="info">VIP</Badge> : null}
          </InlineStack>
          {email ? (
            <Link url={`mailto:${email}`} removeUnderline>
              {email}
            </Link>
          ) : (
            <Text as="p" tone="subdued">
              {t.noEmail}
            </Text>
          )}
        </BlockStack>
        {c && typeof c.numberOfOrders === "number" ? <Row term={t.orders}>{fmt.number(c.numberOfOrders)}</Row> : null}
        {c?.amountSpent ? <Row term={t.totalSpent}>{fmt.money(c.amountSpent.amount, c.amountSpent.currencyCode)}</Row> : null}
        {tags.length ? (
          <InlineStack gap="100">
            {tags.map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

export function ModelUsageCard({ llm }: { llm: CaseDetail["llm"] }) {
  const fmt = useFormatters();
  const t = useT().cards;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t.model}
        </Text>
        <Row term={t.modelReplies}>{fmt.number(llm.modelReplies)}</Row>
        <Row term={t.builtInReplies}>{fmt.number(llm.builtInReplies)}</Row>
        <Row term={t.tokens}>{`${fmt.number(llm.tokensIn)} / ${fmt.number(llm.tokensOut)}`}</Row>
        <Row term={t.modelTime}>{fmt.duration(llm.latencyMs / 1000)}</Row>
        {llm.fallbacks.length ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {t.fallbacks}
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
  const all = useT();
  const t = all.cards;
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
              {email.kind === "case" ? t.caseEmail : t.followUp}
            </Text>
            <span data-email-status={email.status}>
              <Badge tone={EMAIL_STATUS_TONE[email.status]}>{all.labels.emailStatus[email.status] ?? email.status}</Badge>
            </span>
          </InlineStack>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <input type="hidden" name="outboxId" value={email.id} />
            <InlineStack gap="200" blockAlign="center">
              {busy ? (
                <span role="status">
                  <Text as="span" tone="subdued">
                    {resending ? t.queuing : t.onItsWay}
                  </Text>
                </span>
              ) : null}
              <Button submit loading={resending} disabled={busy} accessibilityLabel={t.resendLabel(email.kind === "case")}>
                {t.resend}
              </Button>
            </InlineStack>
          </Form>
        </InlineStack>
        <dl style={{ display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", gap: "4px 12px", margin: 0, overflowWrap: "anywhere" }}>
          <dt>{t.subject}</dt>
          <dd style={{ margin: 0 }} data-testid="email-subject">
            {email.subject}
          </dd>
          <dt>{t.to}</dt>
          <dd style={{ margin: 0 }}>{email.to.join(", ")}</dd>
          {email.cc.length ? (
            <>
              <dt>CC</dt>
              <dd style={{ margin: 0 }}>{email.cc.join(", ")}</dd>
            </>
          ) : null}
          <dt>Reply-To</dt>
          <dd style={{ margin: 0 }}>{email.replyTo ?? "—"}</dd>
          <dt>{t.from}</dt>
          <dd style={{ margin: 0 }}>{email.from}</dd>
          {email.sentAt ? (
            <>
              <dt>{t.sent}</dt>
              <dd style={{ margin: 0 }}>{fmt.dateTime(email.sentAt)}</dd>
            </>
          ) : null}
        </dl>
        <InlineStack gap="200">
          <Button pressed={part === "html"} onClick={() => setPart("html")} size="slim">
            {t.asTeamSees}
          </Button>
          <Button pressed={part === "text"} onClick={() => setPart("text")} size="slim">
            {t.plainText}
          </Button>
        </InlineStack>
        {part === "html" ? (
          <EmailPreview html={email.html} title={t.emailTitle(email.subject)} />
        ) : (
          <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontSize: 13, margin: 0, padding: 12, background: "#f7f7f7", borderRadius: 8 }}>
            {email.text}
          </pre>
        )}
        <details>
          <summary>
            {t.attempts(email.attemptLog.length)}
            <code>{email.messageId}</code>
          </summary>
          {email.attemptLog.length ? (
            <DataTable
              columnContentTypes={["text", "text", "text"]}
              headings={[t.when, t.result, t.serverSaid]}
              rows={email.attemptLog.map((a) => [fmt.dateTime(a.at), a.ok ? t.accepted : t.failed, (a.ok ? a.response : a.error) ?? ""])}
            />
          ) : (
            <Text as="p" tone="subdued">
              {t.noAttempt}
            </Text>
          )}
        </details>
      </BlockStack>
    </Card>
  );
}
