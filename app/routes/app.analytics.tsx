import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BlockStack, Button, Card, DataTable, InlineGrid, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { BarChart } from "~/admin/bar-chart";
import { db } from "~/db.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { loadAnalytics, parseAnalyticsRange } from "~/admin/analytics.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const range = parseAnalyticsRange(new URL(request.url).searchParams, new Date());
  const report = await loadAnalytics(db(), shop, range);
  return { report, fromDay: range.fromDay, toDay: range.toDay };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const int = (v: number) => v.toLocaleString("en-US");

function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

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
          <Text as="p" tone="subdued">
            {hint}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

export default function Analytics() {
  const { report: r, fromDay, toDay } = useLoaderData<typeof loader>();
  const [from, setFrom] = useState(fromDay);
  const [to, setTo] = useState(toDay);
  return (
    <Page title="Analytics" subtitle={`${fromDay} to ${toDay} (UTC)`}>
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="get" aria-label="Date range">
              <InlineStack gap="300" blockAlign="end">
                <TextField label="From" type="date" name="from" value={from} onChange={setFrom} autoComplete="off" />
                <TextField label="To" type="date" name="to" value={to} onChange={setTo} autoComplete="off" />
                <Button submit variant="primary">
                  Show
                </Button>
              </InlineStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
            <Metric label="Conversations" value={int(r.conversations)} />
            <Metric label="Escalation rate" value={pct(r.escalationRate)} hint={`${int(r.escalations)} escalations`} />
            <Metric label="Resolved without escalation" value={pct(r.resolvedWithoutEscalationRate)} hint={`${int(r.resolvedWithoutEscalation)} conversations`} />
            <Metric label="Time to escalate" value={duration(r.timeToEscalate.medianSeconds)} hint={`median · p90 ${duration(r.timeToEscalate.p90Seconds)}`} />
            <Metric label="Failed emails" value={int(r.delivery.failedEmails)} hint={`${int(r.delivery.failedAttempts)} failed delivery attempts`} />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <BarChart title={`Conversations per ${r.series.bucket}`} data={r.series.points.map((p) => ({ label: p.label, value: p.conversations }))} />
              <BarChart title={`Escalations per ${r.series.bucket}`} data={r.series.points.map((p) => ({ label: p.label, value: p.escalations }))} color="#b98900" />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
            <Card>
              <BarChart title="Escalations by reason" data={r.byReason.map((x) => ({ label: x.label, value: x.count }))} valueLabel="Cases" />
            </Card>
            <Card>
              <BlockStack gap="400">
                <BarChart title="Escalations by priority" data={r.byPriority.map((x) => ({ label: x.label, value: x.count }))} valueLabel="Cases" color="#d72c0d" />
                <BarChart title="Escalations by status" data={r.byStatus.map((x) => ({ label: x.label, value: x.count }))} valueLabel="Cases" color="#6d7175" />
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
                headings={["Month", "Escalation emails", "Allowance", "Not emailed (over allowance)"]}
                rows={r.usage.map((u) => [u.period, int(u.escalations), int(u.allowance), int(u.limited)])}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
