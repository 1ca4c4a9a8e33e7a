import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { db } from "~/db.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { getCaseDetail, resendCaseEmail, setCaseResolved } from "~/admin/cases.server";
import { useAdminLayout, useAdminUi, useFormatters, useT } from "~/admin/admin-ui";
import { CustomerCard, EmailCard, ModelUsageCard, OrderCard } from "~/admin/case-cards";
import { DELIVERY_TONE, PRIORITY_TONE } from "~/admin/labels";
import { shopifyAdminResourceUrl } from "~/shopify/admin-links.server";
import { kickOutbox } from "~/platform/runtime.server";
import { readForm } from "~/platform/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const detail = await getCaseDetail(db(), shop, params.id ?? "");
  if (!detail) throw new Response("Case not found", { status: 404 });
  const order = detail.orderFacts as { id?: unknown; customer?: { id?: unknown } } | null;
  const customer = detail.customerFacts as { id?: unknown } | null;
  return {
    detail,
    links: {
      order: shopifyAdminResourceUrl(shop, "orders", order?.id),
      customer: shopifyAdminResourceUrl(shop, "customers", customer?.id ?? order?.customer?.id),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  const caseId = params.id ?? "";
  if (intent === "resolve" || intent === "reopen") {
    const result = await setCaseResolved(db(), shop, caseId, intent === "resolve", new Date());
    if (!result.ok) return data({ ok: false as const, intent, error: "Case not found", code: "notFound" as const, at: Date.now() }, { status: 404 });
    return { ok: true as const, intent, at: Date.now() };
  }
  if (intent !== "resend")
    return data({ ok: false as const, intent: null, error: "Unknown action", code: "unknownAction" as const, at: Date.now() }, { status: 400 });
  const result = await resendCaseEmail(db(), shop, caseId, String(form.get("outboxId") ?? ""), new Date());
  if (!result.ok) {
    return result.reason === "not_found"
      ? data({ ok: false as const, intent, error: "Email not found", code: "emailNotFound" as const, at: Date.now() }, { status: 404 })
      : data(
          { ok: false as const, intent, error: "This email is already queued or being sent", code: "alreadyQueued" as const, at: Date.now() },
          { status: 409 },
        );
  }
  kickOutbox();
  return { ok: true as const, intent, at: Date.now() };
}

export default function CaseDetailPage() {
  const { detail: c, links } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { llmConfigured } = useAdminLayout();
  const { toast } = useAdminUi();
  const fmt = useFormatters();
  const all = useT();
  const t = all.caseDetail;
  const submit = useSubmit();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const inFlight = c.emails.some((e) => e.status === "pending" || e.status === "sending");
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [inFlight, revalidator]);
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (!result || handled.current === result.at) return;
    handled.current = result.at;
    if (result.ok) toast(t.toast[result.intent] ?? t.done);
    else toast(t[result.code], { error: true });
  }, [result, toast, t]);

  const resolved = c.resolvedAt !== null;
  const changing = navigation.state !== "idle" && ["resolve", "reopen"].includes(String(navigation.formData?.get("intent")));
  const caseEmail = c.emails.find((e) => e.kind === "case");
  const vip = c.reasons.some((r) => r.code === "vip");
  const title = c.customerName ?? c.shopperEmail ?? t.noEmailTitle;

  return (
    <Page
      title={title}
      subtitle={t.subtitle(c.orderName, fmt.dateTime(c.createdAt))}
      backAction={{ content: all.nav.cases, url: "/app/cases" }}
      titleMetadata={
        <InlineStack gap="100">
          <Badge tone={resolved ? "success" : "attention"}>{resolved ? all.labels.resolved : all.labels.open}</Badge>
          <Badge tone={PRIORITY_TONE[c.priority]}>{t.priority(all.priorities[c.priority] ?? c.priority)}</Badge>
          <Badge tone={DELIVERY_TONE[c.status]}>{all.labels.delivery[c.status] ?? c.status}</Badge>
        </InlineStack>
      }
      primaryAction={{
        content: resolved ? t.reopen : t.resolve,
        loading: changing,
        onAction: () => submit({ intent: resolved ? "reopen" : "resolve" }, { method: "post" }),
      }}
      secondaryActions={[
        ...(caseEmail && c.shopperEmail
          ? [{ content: t.reply, url: `mailto:${c.shopperEmail}?subject=${encodeURIComponent(`Re: ${caseEmail.subject}`)}`, external: true }]
          : []),
        ...(links.order ? [{ content: t.viewOrder, url: links.order, external: true }] : []),
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t.why}
                </Text>
                <Text as="p" variant="bodyLg">
                  {c.reasonText}
                </Text>
                <InlineStack gap="100">
                  {c.reasons.map((r) => (
                    <Badge key={r.code}>{all.reasons[r.code] ?? r.label}</Badge>
                  ))}
                </InlineStack>
                <Text as="p">{c.summary}</Text>
                {c.signals.length ? (
                  <details>
                    <summary>{t.noticed(c.signals.length)}</summary>
                    <ul style={{ margin: "4px 0 0", paddingInlineStart: 18 }}>
                      {c.signals.map((s, i) => (
                        <li key={i}>
                          {s.evidence || s.reason}
                          {s.score !== null ? (
                            <Text as="span" tone="subdued">
                              {t.sure(fmt.percent(s.score, 0))}
                            </Text>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {resolved ? (
                  <Text as="p" tone="subdued">
                    {t.resolvedAt(fmt.dateTime(c.resolvedAt!))}
                  </Text>
                ) : null}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t.transcript}
                </Text>
                <ol style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label={t.transcript}>
                  {c.transcript.map((m) => (
                    <li key={m.id} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
                      <InlineStack gap="200" blockAlign="baseline">
                        <Text as="span" fontWeight="semibold">
                          {m.role === "assistant" ? t.assistant : (c.customerName ?? t.shopper)}
                        </Text>
                        <Text as="span" tone="subdued" variant="bodySm">
                          {fmt.dateTime(m.at)}
                        </Text>
                      </InlineStack>
                      <p style={{ margin: "2px 0 0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{m.text}</p>
                    </li>
                  ))}
                </ol>
              </BlockStack>
            </Card>
            {c.emails.length ? (
              c.emails.map((e) => <EmailCard key={e.id} email={e} />)
            ) : (
              <Card>
                <Text as="p">{c.status === "limited" || c.status === "limited_abuse" || c.status === "abandoned" ? t.noEmail[c.status] : t.noEmail.other}</Text>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <CustomerCard
              facts={c.customerFacts ?? (c.orderFacts as { customer?: unknown } | null | undefined)?.customer}
              email={c.shopperEmail}
              name={c.customerName}
              url={links.customer}
              vip={vip}
            />
            <OrderCard facts={c.orderFacts} orderName={c.orderName} url={links.order} />
            {llmConfigured || c.llm.modelReplies > 0 || c.llm.tokensIn > 0 ? <ModelUsageCard llm={c.llm} /> : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
