import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link as RemixLink, useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, IndexTable, InlineGrid, InlineStack, Page, Pagination, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { db } from "~/db.server";
import { ESCALATION_REASONS, PRIORITIES } from "~/domain/escalation";
import { requireAdmin } from "~/admin/require-admin.server";
import { CASE_STATUSES, listCases, parseCaseFilters } from "~/admin/cases.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const filters = parseCaseFilters(new URL(request.url).searchParams);
  const list = await listCases(db(), shop, filters);
  return { filters, list, statuses: CASE_STATUSES };
}

const STATUS_TONE: Record<string, "success" | "critical" | "attention" | "info" | undefined> = {
  sent: "success",
  failed: "critical",
  queued: "attention",
  limited: "attention",
  limited_abuse: "critical",
  abandoned: undefined,
};
const PRIORITY_TONE: Record<string, "critical" | "warning" | "info" | undefined> = { urgent: "critical", high: "warning", normal: "info" };

export default function Cases() {
  const { filters, list, statuses } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [f, setF] = useState({
    status: filters.status ?? "",
    reason: filters.reason ?? "",
    priority: filters.priority ?? "",
    from: filters.from ?? "",
    to: filters.to ?? "",
    q: filters.q ?? "",
  });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const pageUrl = (page: number) => {
    // The filters that produced this page (not unsaved edits in the form).
    const applied = { status: filters.status, reason: filters.reason, priority: filters.priority, from: filters.from, to: filters.to, q: filters.q };
    const p = new URLSearchParams(Object.entries({ ...applied, page: String(page) }).filter((e): e is [string, string] => !!e[1]));
    return `/app/cases?${p.toString()}`;
  };

  return (
    <Page title="Cases" subtitle={`${list.total.toLocaleString("en-US")} escalated conversation${list.total === 1 ? "" : "s"}`}>
      <BlockStack gap="400">
        <Card>
          <Form method="get" aria-label="Filter cases">
            <BlockStack gap="300">
              <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                <Select
                  label="Status"
                  name="status"
                  value={f.status}
                  onChange={set("status")}
                  options={[{ label: "Any", value: "" }, ...statuses.map((s) => ({ label: s, value: s }))]}
                />
                <Select
                  label="Reason"
                  name="reason"
                  value={f.reason}
                  onChange={set("reason")}
                  options={[{ label: "Any", value: "" }, ...ESCALATION_REASONS.map((r) => ({ label: r.label, value: r.code }))]}
                />
                <Select label="Priority" name="priority" value={f.priority} onChange={set("priority")} options={[{ label: "Any", value: "" }, ...PRIORITIES.map((p) => ({ label: p, value: p }))]} />
                <TextField label="From" name="from" type="date" value={f.from} onChange={set("from")} autoComplete="off" />
                <TextField label="To" name="to" type="date" value={f.to} onChange={set("to")} autoComplete="off" />
                <TextField label="Customer email or order" name="q" value={f.q} onChange={set("q")} autoComplete="off" placeholder="sarah@example.com or #1042" />
              </InlineGrid>
              <InlineStack gap="200">
                <Button submit variant="primary">
                  Apply filters
                </Button>
                <Button url="/app/cases">Clear</Button>
              </InlineStack>
            </BlockStack>
          </Form>
        </Card>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "case", plural: "cases" }}
            itemCount={list.rows.length}
            selectable={false}
            emptyState={
              <Text as="p" alignment="center">
                No cases match these filters.
              </Text>
            }
            headings={[{ title: "Created" }, { title: "Customer" }, { title: "Order" }, { title: "Reason" }, { title: "Priority" }, { title: "Status" }, { title: "Delivery" }]}
          >
            {list.rows.map((c, i) => (
              <IndexTable.Row id={c.id} key={c.id} position={i} onClick={() => navigate(`/app/cases/${c.id}`)}>
                <IndexTable.Cell>
                  <RemixLink to={`/app/cases/${c.id}`} data-case-link={c.id} onClick={(e) => e.stopPropagation()}>
                    {new Date(c.createdAt).toISOString().slice(0, 16).replace("T", " ")}
                  </RemixLink>
                </IndexTable.Cell>
                <IndexTable.Cell>{c.shopperEmail ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>{c.orderName ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <span title={c.reasonText}>{c.reasonText.length > 60 ? `${c.reasonText.slice(0, 59)}…` : c.reasonText}</span>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={PRIORITY_TONE[c.priority]}>{c.priority}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={STATUS_TONE[c.status]}>{c.status}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {c.delivery ? `${c.delivery.status}${c.delivery.attempts ? ` · ${c.delivery.attempts} attempt${c.delivery.attempts === 1 ? "" : "s"}` : ""}` : "no email"}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <InlineStack align="center" gap="300" blockAlign="center">
          <Pagination
            hasPrevious={list.page > 1}
            onPrevious={() => navigate(pageUrl(list.page - 1))}
            hasNext={list.page < list.pageCount}
            onNext={() => navigate(pageUrl(list.page + 1))}
            label={`Page ${list.page} of ${list.pageCount}`}
          />
        </InlineStack>
      </BlockStack>
    </Page>
  );
}
