import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigate } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Collapsible,
  IndexTable,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Pagination,
  Select,
  Tabs,
  Text,
  TextField,
  useBreakpoints,
} from "@shopify/polaris";
import { useState } from "react";
import { db } from "~/db.server";
import { ESCALATION_REASONS, PRIORITIES } from "~/domain/escalation";
import { requireAdmin } from "~/admin/require-admin.server";
import { CASE_STATUSES, listCases, parseCaseFilters } from "~/admin/cases.server";
import { useAdminLayout, useFormatters, useT } from "~/admin/admin-ui";
import { DELIVERY_TONE, PRIORITY_TONE, problemLabel } from "~/admin/labels";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const filters = parseCaseFilters(new URL(request.url).searchParams);
  const list = await listCases(db(), shop, filters);
  return {
    filters,
    list,
    statuses: CASE_STATUSES,
    reasons: ESCALATION_REASONS.map((r) => ({ value: r.code, label: r.label })),
    reasonLabels: Object.fromEntries(ESCALATION_REASONS.map((r) => [r.code, r.label])) as Record<string, string>,
  };
}

const STATE_TABS = [{ id: "" }, { id: "open" }, { id: "resolved" }] as const;

/** The shopper's words that opened the case, quoted on one or two lines (the row's preview in every layout). */
function Preview({ text }: { text: string }) {
  return (
    <span style={{ display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical", overflow: "hidden", maxWidth: "38rem", whiteSpace: "normal" }}>
      <Text as="span" variant="bodySm">
        “{text}”
      </Text>
    </span>
  );
}

export default function Cases() {
  const { filters, list, statuses, reasons, reasonLabels } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const fmt = useFormatters();
  const all = useT();
  const t = all.cases;
  const tabName = (id: string) => (id === "open" ? all.labels.open : id === "resolved" ? all.labels.resolved : t.all);
  const delivery = (s: string) => all.labels.delivery[s] ?? s;
  const priorityName = (p: string) => all.priorities[p] ?? p;
  const { smDown } = useBreakpoints();
  const { format } = useAdminLayout();
  const active = [filters.status, filters.reason, filters.priority, filters.from, filters.to].filter(Boolean).length;
  const filtered = active > 0 || !!filters.q || !!filters.state;
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({
    status: filters.status ?? "",
    reason: filters.reason ?? "",
    priority: filters.priority ?? "",
    from: filters.from ?? "",
    to: filters.to ?? "",
    q: filters.q ?? "",
  });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const urlWith = (changes: Record<string, string | undefined>) => {
    // The filters that produced this page (not unsaved edits in the form).
    const applied = {
      state: filters.state,
      status: filters.status,
      reason: filters.reason,
      priority: filters.priority,
      from: filters.from,
      to: filters.to,
      q: filters.q,
      ...changes,
    };
    const p = new URLSearchParams(Object.entries(applied).filter((e): e is [string, string] => !!e[1]));
    return `/app/cases${p.size ? `?${p.toString()}` : ""}`;
  };

  return (
    <Page title={t.title} subtitle={t.count(list.total, fmt.number(list.total))}>
      <BlockStack gap="400">
        <Card padding="0">
          <Tabs
            tabs={STATE_TABS.map((s) => ({
              id: `state-${s.id || "all"}`,
              content: tabName(s.id),
              url: urlWith({ state: s.id || undefined, page: undefined }),
            }))}
            selected={Math.max(
              0,
              STATE_TABS.findIndex((s) => s.id === (filters.state ?? "")),
            )}
          />
          <Box padding="300" borderBlockStartWidth="025" borderColor="border">
            <Form method="get" aria-label={t.filterCases}>
              {filters.state ? <input type="hidden" name="state" value={filters.state} /> : null}
              <BlockStack gap="300">
                {/* On a phone the field takes the whole row (phone-layout.css) and a shorter hint, so its placeholder is never cut. */}
                <div className="baton-search-row">
                  <div className="baton-search-field">
                    <TextField
                      label={t.search}
                      labelHidden
                      name="q"
                      value={f.q}
                      onChange={set("q")}
                      autoComplete="off"
                      placeholder={smDown ? t.searchPlaceholderShort : t.searchPlaceholder}
                    />
                  </div>
                  <Button onClick={() => setOpen((o) => !o)} disclosure={open ? "up" : "down"} ariaExpanded={open} ariaControls="case-filters">
                    {active ? t.filtersActive(active) : t.filters}
                  </Button>
                  <Button submit variant="primary">
                    {t.searchButton}
                  </Button>
                </div>
                <Collapsible id="case-filters" open={open}>
                  <BlockStack gap="300">
                    <InlineGrid columns={{ xs: 1, sm: 2, md: 5 }} gap="300">
                      <Select
                        label={t.delivery}
                        name="status"
                        value={f.status}
                        onChange={set("status")}
                        options={[{ label: all.common.any, value: "" }, ...statuses.map((s) => ({ label: delivery(s), value: s }))]}
                      />
                      <Select
                        label={t.reason}
                        name="reason"
                        value={f.reason}
                        onChange={set("reason")}
                        options={[{ label: all.common.any, value: "" }, ...reasons.map((r) => ({ value: r.value, label: all.reasons[r.value] ?? r.label }))]}
                      />
                      <Select
                        label={t.priority}
                        name="priority"
                        value={f.priority}
                        onChange={set("priority")}
                        options={[{ label: all.common.any, value: "" }, ...PRIORITIES.map((p) => ({ label: priorityName(p), value: p }))]}
                      />
                      <TextField label={t.from} name="from" type="date" value={f.from} onChange={set("from")} autoComplete="off" />
                      <TextField label={t.to} name="to" type="date" value={f.to} onChange={set("to")} autoComplete="off" />
                    </InlineGrid>
                    <InlineStack gap="200">
                      <Button submit>{t.apply}</Button>
                      <Button url="/app/cases" variant="plain">
                        {t.clear}
                      </Button>
                    </InlineStack>
                  </BlockStack>
                </Collapsible>
              </BlockStack>
            </Form>
          </Box>
          <IndexTable
            resourceName={t.resource}
            itemCount={list.rows.length}
            selectable={false}
            condensed={smDown}
            emptyState={
              // A shop without cases learns how one arrives; a search or filter that finds nothing says so and undoes itself.
              filtered ? (
                <Box padding="600">
                  <BlockStack gap="300" inlineAlign="center">
                    <Text as="p" alignment="center" tone="subdued">
                      {t.empty}
                    </Text>
                    <Button url="/app/cases">{t.clearAll}</Button>
                  </BlockStack>
                </Box>
              ) : (
                <Box padding="800">
                  <BlockStack gap="300" inlineAlign="center">
                    <Text as="h2" variant="headingMd" alignment="center">
                      {t.noCasesTitle}
                    </Text>
                    <Box maxWidth="32rem">
                      <Text as="p" alignment="center" tone="subdued">
                        {t.noCasesBody}
                      </Text>
                    </Box>
                    <Button url="/app" variant="primary">
                      {t.noCasesAction}
                    </Button>
                  </BlockStack>
                </Box>
              )
            }
            headings={[
              { title: t.headings.customer },
              { title: t.headings.reason },
              { title: t.headings.priority },
              { title: t.headings.status },
              { title: t.headings.email },
              { title: t.headings.escalated },
            ]}
          >
            {list.rows.map((c, i) => {
              const who = c.customerName ?? c.shopperEmail ?? t.noEmail;
              // Named by the shopper's request as the case email names it; the triggers that fired stay in the tooltip.
              const problem = problemLabel(format.locale, c.problem);
              const triggers = c.reasons.map((r) => all.reasons[r] ?? reasonLabels[r] ?? r).join(", ");
              const priority = <Badge tone={PRIORITY_TONE[c.priority]}>{priorityName(c.priority)}</Badge>;
              const state = <Badge tone={c.resolvedAt ? "success" : "attention"}>{c.resolvedAt ? all.labels.resolved : all.labels.open}</Badge>;
              const link = (
                <Link url={`/app/cases/${c.id}`} dataPrimaryLink removeUnderline monochrome>
                  <span data-case-link={c.id}>
                    <Text as="span" fontWeight="semibold">
                      {who}
                    </Text>
                  </span>
                </Link>
              );
              return (
                <IndexTable.Row id={c.id} key={c.id} position={i} onClick={() => navigate(`/app/cases/${c.id}`)}>
                  {smDown ? (
                    <Box padding="300">
                      <BlockStack gap="100">
                        <InlineStack align="space-between" wrap={false} gap="200">
                          {link}
                          <Text as="span" tone="subdued" variant="bodySm">
                            {fmt.date(c.createdAt)}
                          </Text>
                        </InlineStack>
                        {c.preview ? <Preview text={c.preview} /> : null}
                        <Text as="span" tone="subdued" variant="bodySm">
                          {c.orderName ? `${t.order(c.orderName)} · ` : ""}
                          {problem}
                        </Text>
                        <InlineStack gap="100">
                          {state}
                          {priority}
                          <Badge tone={DELIVERY_TONE[c.status]}>{delivery(c.status)}</Badge>
                        </InlineStack>
                      </BlockStack>
                    </Box>
                  ) : (
                    <>
                      <IndexTable.Cell>
                        <BlockStack gap="050">
                          {link}
                          <Text as="span" tone="subdued" variant="bodySm">
                            {[c.customerName ? c.shopperEmail : null, c.orderName ? t.order(c.orderName) : null].filter(Boolean).join(" · ") || "—"}
                          </Text>
                          {c.preview ? <Preview text={c.preview} /> : null}
                        </BlockStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <span title={triggers} data-problem={c.problem}>
                          <Badge>{problem}</Badge>
                        </span>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{priority}</IndexTable.Cell>
                      <IndexTable.Cell>{state}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={DELIVERY_TONE[c.status]}>{delivery(c.status)}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" variant="bodySm">
                          {fmt.dateTime(c.createdAt)}
                        </Text>
                      </IndexTable.Cell>
                    </>
                  )}
                </IndexTable.Row>
              );
            })}
          </IndexTable>
          {list.pageCount > 1 ? (
            <Box padding="300" borderBlockStartWidth="025" borderColor="border">
              <InlineStack align="center">
                <Pagination
                  hasPrevious={list.page > 1}
                  onPrevious={() => navigate(urlWith({ page: String(list.page - 1) }))}
                  hasNext={list.page < list.pageCount}
                  onNext={() => navigate(urlWith({ page: String(list.page + 1) }))}
                  label={t.page(list.page, list.pageCount)}
                />
              </InlineStack>
            </Box>
          ) : null}
        </Card>
      </BlockStack>
    </Page>
  );
}
