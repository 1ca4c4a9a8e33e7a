import { Banner, Layout, Link } from "@shopify/polaris";
import { useFormatters } from "./admin-ui";
import type { UsageSummary } from "./setup-checklist.server";

/** Home and Plans: what the current plan means for escalation emails this month (nothing when all is well). */
export function UsageBanner({ usage, planName, showPlansLink = true }: { usage: UsageSummary; planName: string; showPlansLink?: boolean }) {
  const fmt = useFormatters();
  const plans = showPlansLink ? (
    <>
      {" "}
      <Link url="/app/plans">Choose a plan</Link>
    </>
  ) : null;
  if (usage.emailsOff) {
    return (
      <Layout.Section>
        <Banner tone="warning" title={`Escalation emails are off on the ${planName} plan`}>
          <p>
            Shoppers who need a person see your contact details instead, and no case reaches your team by email.
            {usage.limited ? ` This month ${fmt.number(usage.limited)} shopper${usage.limited === 1 ? "" : "s"} were shown your contact details.` : ""}
            {plans}
          </p>
        </Banner>
      </Layout.Section>
    );
  }
  if (usage.overLimit) {
    return (
      <Layout.Section>
        <Banner tone="warning" title="Escalation email allowance used up">
          <p>
            {`${fmt.number(usage.escalations)} of ${fmt.number(usage.allowance)} escalation emails of the ${planName} plan ` +
              `used this month; further cases show shoppers your contact details until next month.`}
            {plans}
          </p>
        </Banner>
      </Layout.Section>
    );
  }
  return null;
}
