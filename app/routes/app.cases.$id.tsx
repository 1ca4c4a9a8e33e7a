import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";
import { db } from "~/db.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { getCaseDetail, resendCaseEmail, setCaseResolved } from "~/admin/cases.server";
import { useAdminLayout, useAdminUi, useFormatters, useT } from "~/admin/admin-ui";
import { CustomerCard, ModelUsageCard, OrderCard } from "~/admin/case-cards";
import { casePageWords } from "~/admin/case-page-i18n";
import { sendAdminReply } from "~/admin/case-reply.server";
import { CaseEmails, CaseReplyCard, CaseTimeline } from "~/admin/case-timeline";
import { loadCaseTimeline } from "~/admin/case-timeline.server";
import { CasePhotos } from "~/admin/case-photos";
import { loadCasePhotos } from "~/admin/case-photos.server";
import { resolveLanguage } from "~/domain/conversation/language";
import { configuredCaseReplyAddresses } from "~/email/inbound/inbound-config.server";
import { DELIVERY_TONE, PRIORITY_TONE, problemLabel } from "~/admin/labels";
import { shopifyAdminResourceUrl } from "~/shopify/admin-links.server";
import { kickOutbox } from "~/platform/runtime.server";
import { readForm } from "~/platform/http.server";
import { appConfig, chatConfig } from "~/shopify.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const detail = await getCaseDetail(db(), shop, params.id ?? "");
  if (!detail) throw new Response("Case not found", { status: 404 });
  const order = detail.orderFacts as { id?: unknown; customer?: { id?: unknown } } | null;
  const customer = detail.customerFacts as { id?: unknown } | null;
  return {
    detail,
    timeline: await loadCaseTimeline(db(), shop, detail),
    photos: await loadCasePhotos(db(), shop, detail.id, chatConfig.appSecret, new Date()),
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
  if (intent === "reply") {
    const caseReplyAddress = configuredCaseReplyAddresses();
    const result = await sendAdminReply(db(), {
      shop,
      caseId,
      text: String(form.get("text") ?? ""),
      language: resolveLanguage(String(form.get("language") ?? "en")),
      mailFrom: appConfig.mailFrom,
      caseReplyAddress: caseReplyAddress ? caseReplyAddress(caseId) : null,
      now: new Date(),
    });
    if (!result.ok) return data({ ok: false as const, intent, error: result.reason, code: "replyFailed" as const, at: Date.now() }, { status: 400 });
    kickOutbox();
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
  const { detail: c, timeline, photos, links } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { llmConfigured, format } = useAdminLayout();
  const words = casePageWords(format.locale);
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
    if (result.ok) toast(result.intent === "reply" ? words.replied : result.intent === "resend" ? words.resent : (t.toast[result.intent] ?? t.done));
    else if (result.code === "replyFailed") toast(words.replyErrors[result.error] ?? result.error, { error: true });
    else toast(t[result.code], { error: true });
  }, [result, toast, t, words]);

  const resolved = c.resolvedAt !== null;
  const changing = navigation.state !== "idle" && ["resolve", "reopen"].includes(String(navigation.formData?.get("intent")));
  const vip = c.reasons.some((r) => r.code === "vip");
  const title = c.customerName ?? c.shopperEmail ?? t.noEmailTitle;

  return (
    <Page
      title={title}
      subtitle={`${problemLabel(format.locale, c.problem)} · ${t.subtitle(c.orderName, fmt.dateTime(c.createdAt))}`}
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
      secondaryActions={[...(links.order ? [{ content: t.viewOrder, url: links.order, external: true }] : [])]}
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
            <CaseTimeline entries={timeline} shopperName={c.customerName} />
            <CasePhotos photos={photos} />
            {c.shopperEmail ? (
              <CaseReplyCard
                defaultLanguage={resolveLanguage(format.locale)}
                error={result && !result.ok && result.code === "replyFailed" ? (words.replyErrors[result.error] ?? result.error) : null}
              />
            ) : null}
            {c.emails.length ? (
              <CaseEmails emails={c.emails} />
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
