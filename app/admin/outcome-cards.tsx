import { Form, useNavigate } from "@remix-run/react";
import { BlockStack, Box, Button, ButtonGroup, Card, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useFormatters, useT } from "./admin-ui";
import type { OutcomesComparison } from "./outcomes.server";

// The analytics page's outcomes: period presets (custom dates only when asked for), the five
// figures a merchant buys an AI assistant for with the change against the previous period, and
// an empty state that teaches instead of a wall of zeros.

const DAY = 86_400_000;
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Presets in the shop's days; "Custom" opens the two dates. */
export function PeriodPicker({ fromDay, toDay, today }: { fromDay: string; toDay: string; today: string }) {
  const all = useT();
  const t = all.outcomes;
  const presets = {
    d7: [shift(today, -6), today],
    d30: [shift(today, -29), today],
    d90: [shift(today, -89), today],
    month: [`${today.slice(0, 8)}01`, today],
  } as const;
  const current = (Object.keys(presets) as Array<keyof typeof presets>).find((k) => presets[k][0] === fromDay && presets[k][1] === toDay);
  const [custom, setCustom] = useState(!current);
  const navigate = useNavigate();
  const [from, setFrom] = useState(fromDay);
  const [to, setTo] = useState(toDay);
  return (
    <BlockStack gap="300">
      <Text as="h2" variant="headingSm">
        {t.period}
      </Text>
      <InlineStack gap="200" wrap>
        <ButtonGroup>
          {(Object.keys(presets) as Array<keyof typeof presets>).map((k) => (
            // Toggle buttons (aria-pressed says which period is shown) that load the page for their period.
            <Button key={k} onClick={() => (setCustom(false), navigate(`?from=${presets[k][0]}&to=${presets[k][1]}`))} pressed={!custom && current === k}>
              {t.presets[k]}
            </Button>
          ))}
          <Button pressed={custom} onClick={() => setCustom(true)}>
            {t.presets.custom}
          </Button>
        </ButtonGroup>
      </InlineStack>
      {custom ? (
        <Form method="get">
          <InlineStack gap="300" blockAlign="end" wrap>
            <TextField label={all.analytics.from} type="date" name="from" value={from} onChange={setFrom} autoComplete="off" />
            <TextField label={all.analytics.to} type="date" name="to" value={to} onChange={setTo} autoComplete="off" />
            <Button submit variant="primary">
              {t.apply}
            </Button>
          </InlineStack>
        </Form>
      ) : null}
    </BlockStack>
  );
}

/**
 * One figure as a card: its name, the value, an optional hint and change. `mark` names the data attribute
 * (`data-outcome` here, `data-metric` on the analytics page's own figures) that tests and the page read.
 */
export function FigureCard({ label, value, hint, change, mark }: { label: string; value: string; hint?: string | null; change?: string | null; mark: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <div {...{ [`data-${mark}`]: label }}>
          <Text as="p" variant="headingLg">
            {value}
          </Text>
        </div>
        {hint ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {hint}
          </Text>
        ) : null}
        {change ? (
          <Text as="p" variant="bodySm">
            {change}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function Figure(props: { label: string; value: string; hint: string; change: string | null }) {
  return <FigureCard {...props} mark="outcome" />;
}

export function OutcomeCards({ o }: { o: OutcomesComparison }) {
  const all = useT();
  const t = all.outcomes;
  const fmt = useFormatters();
  const { current: c, previous: p } = o;
  const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `−${text.replace(/^-/, "")}` : text);
  // Rates change in percentage points; counts and durations in percent of the previous value.
  const rateChange = (now: number | null, before: number | null, had: boolean) => {
    if (now === null || before === null || !had) return null;
    const pts = Math.round((now - before) * 100);
    return pts === 0 ? t.same : t.vsPrevious(signed(pts, t.points(fmt.number(Math.abs(pts)))));
  };
  const change = (now: number | null, before: number | null) => {
    if (now === null || before === null || before === 0) return null;
    const ratio = (now - before) / before;
    return Math.round(ratio * 100) === 0 ? t.same : t.vsPrevious(signed(ratio, fmt.percent(Math.abs(ratio))));
  };
  const duration = (s: number | null, none: string, hint: (n: string) => string, n: number) =>
    s === null ? { value: "—", hint: none } : { value: fmt.duration(s), hint: hint(fmt.number(n)) };
  const first = duration(c.firstReplySeconds, t.firstReplyNone, t.firstReplyHint, c.firstReplies);
  const resolution = duration(c.resolutionSeconds, t.resolutionNone, t.resolutionHint, c.resolved);
  return (
    <BlockStack gap="200">
      {/* On a phone the cards run edge to edge: the heading keeps the page's inset. */}
      <Box paddingInlineStart={{ xs: "400", sm: "0" }}>
        <Text as="h2" variant="headingMd">
          {t.title}
        </Text>
      </Box>
      <InlineGrid columns={{ xs: 1, sm: 2, lg: 5 }} gap="300">
        <Figure
          label={t.withoutPerson}
          value={fmt.percent(c.withoutPersonRate)}
          hint={t.withoutPersonHint(fmt.number(c.withoutPerson), fmt.number(c.conversations))}
          change={rateChange(c.withoutPersonRate, p.withoutPersonRate, p.conversations > 0)}
        />
        <Figure label={t.handoffs} value={fmt.number(c.handoffs)} hint={all.analytics.handed(fmt.number(c.handoffs))} change={change(c.handoffs, p.handoffs)} />
        <Figure label={t.firstReply} value={first.value} hint={first.hint} change={change(c.firstReplySeconds, p.firstReplySeconds)} />
        <Figure label={t.resolution} value={resolution.value} hint={resolution.hint} change={change(c.resolutionSeconds, p.resolutionSeconds)} />
        <Figure
          label={t.satisfaction}
          value={c.ratings.rate === null ? "—" : fmt.percent(c.ratings.rate)}
          hint={c.ratings.total ? t.satisfactionHint(fmt.number(c.ratings.total)) : t.satisfactionNone}
          change={rateChange(c.ratings.rate, p.ratings.rate, p.ratings.total > 0)}
        />
      </InlineGrid>
    </BlockStack>
  );
}

export function TeachingEmptyState() {
  const t = useT().outcomes;
  return (
    <Card>
      <Box padding="400">
        <BlockStack gap="300" inlineAlign="center">
          <Text as="h2" variant="headingMd" alignment="center">
            {t.emptyTitle}
          </Text>
          <Box maxWidth="36rem">
            <Text as="p" alignment="center" tone="subdued">
              {t.emptyBody}
            </Text>
          </Box>
          <Button url="/app" variant="primary">
            {t.emptyAction}
          </Button>
        </BlockStack>
      </Box>
    </Card>
  );
}
