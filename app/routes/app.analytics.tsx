import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, DataTable, InlineGrid, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { BarChart, CHART_COLORS } from "~/admin/bar-chart";
import { db } from "~/db.server";
import { getEnv } from "~/env.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { loadAnalytics, parseAnalyticsRange } from "~/admin/analytics.server";
import { loadShopFormat } from "~/admin/shop-format.server";
import { useAdminLayout, useFormatters } from "~/admin/admin-ui";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const { timeZone } = await loadShopFormat(db(), shop, request);
  const range = parseAnalyticsRange(new URL(request.url).searchParams, new Date(), timeZone);
  const report = await loadAnalytics(db(), shop, range);
  return { report, fromDay: range.fromDay, toDay: range.toDay, modelConfigured: Boolean(getEnv().openai.apiKey) };
}

const PRIORITY_COLOR: Record<string, string> = {
  urgent: CHART_COLORS.urgent,
  high: CHART_COLORS.warning,
  normal: CHART_COLORS.primary,
  low: CHART_COLORS.neutral,
};
const STATUS_COLOR: Record<string, string> = { failed: CHART_COLORS.urgent, sent: CHART_COLORS.success, limited: CHART_COLORS.warning };

function Metric({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <div data-metric={label}>
          <Text as="p" variant="headingLg">
            {value}
          </Text>
        </div>
        {hint ? (
          <Text as="p" tone="subdued" variant="bodySm">
            {hint}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** A calendar day (yyyy-mm-dd) in the merchant's locale; the day is already in the shop's zone. */
function useDayLabel() {
  const { format } = useAdminLayout();
  return (day: string, month = false) =>
    new Intl.DateTimeFormat(format.locale, {
      timeZone: "UTC",
      ...(month ? { month: "long", year: "numeric" } : { month: "short", day: "numeric", year: "numeric" }),
    }).format(new Date(`${day}T00:00:00Z`));
}

export default function Analytics() {
  const { report: r, fromDay, toDay, modelConfigured } = useLoaderData<typeof loader>();
  const fmt = useFormatters();
  const dayLabel = useDayLabel();
  const [from, setFrom] = useState(fromDay);
  const [to, setTo] = useState(toDay);
  const pct = (v: number) => fmt.percent(v);
  const bucketLabel = (start: string) =>
    r.series.bucket === "month" ? dayLabel(start, true) : r.series.bucket === "week" ? `Week of ${dayLabel(start)}` : dayLabel(start);
  const t = r.timeToEscalate;
  return (
    <Page title="Analytics" subtitle={`${dayLabel(fromDay)} – ${dayLabel(toDay)} · times in ${fmt.zoneName()}`}>
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="get" aria-label="Date range">
              <InlineStack gap="300" blockAlign="end">
                <TextField label="From" type="date" name="from" value={from} onChange={setFrom} autoComplete="off" />
                <TextField label="To" type="date" name="to" value={to} onChange={setTo} autoComplete="off" />
                <Button submit>Show</Button>
              </InlineStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="300">
            <Metric label="Conversations" value={fmt.number(r.conversations)} />
            <Metric label="Escalation rate" value={pct(r.escalationRate)} hint={`${fmt.number(r.escalations)} handed to your team`} />
            <Metric
              label="Answered without escalation"
              value={pct(r.answeredWithoutEscalationRate)}
              hint={
                `${fmt.number(r.answeredWithoutEscalation)} conversations` +
                (r.unanswered ? `; ${fmt.number(r.unanswered)} more ended without a useful answer` : "")
              }
            />
            <Metric
              label="Cases resolved"
              value={`${fmt.number(r.resolvedCases)} of ${fmt.number(r.escalations)}`}
              hint={`${fmt.number(r.openCases)} still open`}
            />
            <Metric
              label="Time to escalate"
              value={t.medianSeconds === null ? "—" : `${fmt.duration(t.medianSeconds)} typical`}
              hint={t.p90Seconds === null ? "No escalations in this range" : `9 in 10 within ${fmt.duration(t.p90Seconds)} of the first message`}
            />
            <Metric
              label="Failed emails"
              value={fmt.number(r.delivery.failedEmails)}
              hint={`${fmt.number(r.delivery.failedAttempts)} failed delivery attempts`}
            />
          </InlineGrid>
        </Layout.Section>
        {modelConfigured ? (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Language model
                </Text>
                <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="300">
                  <Text as="p">{`${fmt.number(r.model.conversations)} conversations used the model`}</Text>
                  <Text as="p">
                    {`${fmt.number(r.model.tokensIn + r.model.tokensOut)} tokens ` +
                      `(${fmt.number(r.model.tokensIn)} prompt, ${fmt.number(r.model.tokensOut)} reply)`}
                  </Text>
                  <Text as="p">{`${fmt.number(r.model.fallbacks)} replies fell back to the built-in assistant`}</Text>
                  <Text as="p">
                    {`${fmt.duration(r.model.conversations ? r.model.latencyMs / 1000 / r.model.conversations : null)} ` + `model time per conversation`}
                  </Text>
                </InlineGrid>
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
            <Card>
              <BarChart
                title={`Conversations per ${r.series.bucket}`}
                data={r.series.points.map((p) => ({ label: bucketLabel(p.start), value: p.conversations }))}
                format={fmt.number}
              />
            </Card>
            <Card>
              <BarChart
                title={`Escalations per ${r.series.bucket}`}
                data={r.series.points.map((p) => ({ label: bucketLabel(p.start), value: p.escalations }))}
                format={fmt.number}
              />
            </Card>
            <Card>
              <BarChart
                title="Escalations by reason"
                description="A case can have several reasons."
                data={r.byReason.map((x) => ({ label: x.label, value: x.count }))}
                format={fmt.number}
              />
            </Card>
            <Card>
              <BlockStack gap="500">
                <BarChart
                  title="Escalations by priority"
                  data={r.byPriority.map((x) => ({ label: x.label, value: x.count, color: PRIORITY_COLOR[x.key] }))}
                  format={fmt.number}
                />
                <BarChart
                  title="Escalation emails"
                  data={r.byStatus.map((x) => ({ label: x.label, value: x.count, color: STATUS_COLOR[x.key] ?? CHART_COLORS.neutral }))}
                  format={fmt.number}
                />
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Usage against allowance
              </Text>
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric"]}
                headings={["Month", "Escalation emails", "Allowance", "Not emailed"]}
                rows={r.usage.map((u) => [
                  dayLabel(`${u.period}-01`, true),
                  fmt.number(u.escalations),
                  u.allowance ? fmt.number(u.allowance) : "Off (Free)",
                  fmt.number(u.limited),
                ])}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
