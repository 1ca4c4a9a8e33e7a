import { Banner, Layout, Link } from "@shopify/polaris";
import { useFormatters, useT } from "./admin-ui";
import type { UsageSummary } from "./setup-checklist.server";

/** Home and Plans: what the current plan means for escalation emails this month (nothing when all is well). */
export function UsageBanner({ usage, planName, showPlansLink = true }: { usage: UsageSummary; planName: string; showPlansLink?: boolean }) {
  const fmt = useFormatters();
  const t = useT().usage;
  const plans = showPlansLink ? (
    <>
      {" "}
      <Link url="/app/plans">{t.choosePlan}</Link>
    </>
  ) : null;
  if (usage.emailsOff) {
    return (
      <Layout.Section>
        <Banner tone="warning" title={t.offTitle(planName)}>
          <p>
            {t.offBody}
            {usage.limited ? t.offShown(usage.limited, fmt.number(usage.limited)) : ""}
            {plans}
          </p>
        </Banner>
      </Layout.Section>
    );
  }
  if (usage.overLimit) {
    return (
      <Layout.Section>
        <Banner tone="warning" title={t.usedUpTitle}>
          <p>
            {t.usedUpBody(fmt.number(usage.escalations), fmt.number(usage.allowance), planName)}
            {plans}
          </p>
        </Banner>
      </Layout.Section>
    );
  }
  return null;
}
