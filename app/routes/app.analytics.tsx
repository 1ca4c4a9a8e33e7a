import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { BarChart, CHART_COLORS } from "~/admin/bar-chart";
import { db } from "~/db.server";
import { appConfig } from "~/shopify.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { loadAnalytics, parseAnalyticsRange } from "~/admin/analytics.server";
import { compareOutcomes } from "~/admin/outcomes.server";
import { dayInZone } from "~/admin/format";
import { FigureCard, OutcomeCards, PeriodPicker, TeachingEmptyState } from "~/admin/outcome-cards";
import { loadShopFormat } from "~/admin/shop-format.server";
import { useAdminLayout, useFormatters, useT } from "~/admin/admin-ui";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const { timeZone } = await loadShopFormat(db(), shop, request);
  const range = parseAnalyticsRange(new URL(request.url).searchParams, new Date(), timeZone);
  const [report, outcomes] = await Promise.all([loadAnalytics(db(), shop, range), compareOutcomes(db(), shop, range)]);
  return { report, outcomes, fromDay: range.fromDay, toDay: range.toDay, today: dayInZone(new Date(), timeZone), modelConfigured: appConfig.llmConfigured };
}

const PRIORITY_COLOR: Record<string, string> = {
  urgent: CHART_COLORS.urgent,
  high: CHART_COLORS.warning,
  normal: CHART_COLORS.primary,
  low: CHART_COLORS.neutral,
};
const STATUS_COLOR: Record<string, string> = { failed: CHART_COLORS.urgent, sent: CHART_COLORS.success, limited: CHART_COLORS.warning };

function Metric(props: { label: string; value: string; hint?: string | null }) {
  return <FigureCard {...props} mark="metric" />;
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
  const { report: r, outcomes, fromDay, toDay, today, modelConfigured } = useLoaderData<typeof loader>();
  const fmt = useFormatters();
  const all = useT();
  const a = all.analytics;
  const dayLabel = useDayLabel();
  const pct = (v: number) => fmt.percent(v);
  const bucketLabel = (start: string) =>
    r.series.bucket === "month" ? dayLabel(start, true) : r.series.bucket === "week" ? a.weekOf(dayLabel(start)) : dayLabel(start);
  const t = r.timeToEscalate;
  const picker = (
    <Layout.Section>
      <Card>
        <PeriodPicker fromDay={fromDay} toDay={toDay} today={today} />
      </Card>
    </Layout.Section>
  );
  // No conversations: what the page will show and how to get there, not a wall of zeros.
  if (r.conversations === 0)
    return (
      <Page title={a.title} subtitle={a.subtitle(dayLabel(fromDay), dayLabel(toDay), fmt.zoneName())}>
        <Layout>
          {picker}
          <Layout.Section>
            <TeachingEmptyState />
          </Layout.Section>
        </Layout>
      </Page>
    );
  return (
    <Page title={a.title} subtitle={a.subtitle(dayLabel(fromDay), dayLabel(toDay), fmt.zoneName())}>
      <Layout>
        {picker}
        <Layout.Section>
          <OutcomeCards o={outcomes} />
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="300">
            <Metric label={a.conversations} value={fmt.number(r.conversations)} />
            <Metric label={a.escalationRate} value={pct(r.escalationRate)} hint={a.handed(fmt.number(r.escalations))} />
            <Metric
              label={a.answered}
              value={pct(r.answeredWithoutEscalationRate)}
              hint={a.answeredHint(r.answeredWithoutEscalation, fmt.number(r.answeredWithoutEscalation), r.unanswered ? fmt.number(r.unanswered) : null)}
            />
            <Metric
              label={a.resolved}
              value={a.resolvedValue(fmt.number(r.resolvedCases), fmt.number(r.escalations))}
              hint={a.stillOpen(fmt.number(r.openCases))}
            />
            <Metric
              label={a.timeToEscalate}
              value={t.medianSeconds === null ? "—" : a.typical(fmt.duration(t.medianSeconds))}
              hint={t.p90Seconds === null ? a.noEscalations : a.p90(fmt.duration(t.p90Seconds))}
            />
            <Metric label={a.failedEmails} value={fmt.number(r.delivery.failedEmails)} hint={a.failedAttempts(fmt.number(r.delivery.failedAttempts))} />
          </InlineGrid>
        </Layout.Section>
        {modelConfigured ? (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {a.model}
                </Text>
                <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="300">
                  <Text as="p">{a.modelConversations(r.model.conversations, fmt.number(r.model.conversations))}</Text>
                  <Text as="p">{a.tokens(fmt.number(r.model.tokensIn + r.model.tokensOut), fmt.number(r.model.tokensIn), fmt.number(r.model.tokensOut))}</Text>
                  <Text as="p">{a.fallbacks(fmt.number(r.model.fallbacks))}</Text>
                  <Text as="p">{a.modelTime(fmt.duration(r.model.conversations ? r.model.latencyMs / 1000 / r.model.conversations : null))}</Text>
                </InlineGrid>
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
            <Card>
              <BarChart
                title={a.perBucket[r.series.bucket] ?? r.series.bucket}
                data={r.series.points.map((p) => ({ label: bucketLabel(p.start), value: p.conversations }))}
                format={fmt.number}
              />
            </Card>
            <Card>
              <BarChart
                title={a.escalationsPer[r.series.bucket] ?? r.series.bucket}
                data={r.series.points.map((p) => ({ label: bucketLabel(p.start), value: p.escalations }))}
                format={fmt.number}
              />
            </Card>
            <Card>
              <BarChart
                title={a.byReason}
                description={a.byReasonNote}
                data={r.byReason.map((x) => ({ label: all.reasons[x.key] ?? x.label, value: x.count }))}
                format={fmt.number}
              />
            </Card>
            <Card>
              <BlockStack gap="500">
                <BarChart
                  title={a.byPriority}
                  data={r.byPriority.map((x) => ({ label: all.priorities[x.key] ?? x.label, value: x.count, color: PRIORITY_COLOR[x.key] }))}
                  format={fmt.number}
                />
                <BarChart
                  title={a.emails}
                  data={r.byStatus.map((x) => ({ label: a.emailStatus[x.key] ?? x.label, value: x.count, color: STATUS_COLOR[x.key] ?? CHART_COLORS.neutral }))}
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
                {a.usage}
              </Text>
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric"]}
                headings={[a.usageHeadings.month, a.usageHeadings.emails, a.usageHeadings.allowance, a.usageHeadings.notEmailed]}
                rows={r.usage.map((u) => [
                  dayLabel(`${u.period}-01`, true),
                  fmt.number(u.escalations),
                  u.allowance ? fmt.number(u.allowance) : a.off,
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
