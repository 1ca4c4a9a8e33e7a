import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { db } from "~/db.server";
import { PLANS, findPlan, type PlanId } from "~/domain/plans";
import { getEnv } from "~/env.server";
import { authenticate } from "~/shopify.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { changePlan, setPlanWithoutBilling, syncPlanFromBilling, type BillingApi } from "~/shopify/billing.server";
import { loadUsage } from "~/admin/setup-checklist.server";
import { readForm } from "~/platform/http.server";

const planIdSchema = z.enum(PLANS.map((p) => p.id) as [PlanId, ...PlanId[]]);

// requireAdmin authenticates; the Billing API object comes from the same (already validated)
// session through authenticate.admin, which only real (non-demo) requests reach.
async function billingFor(request: Request): Promise<BillingApi> {
  const { billing } = await authenticate.admin(request);
  return billing as unknown as BillingApi;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, demo } = await requireAdmin(request);
  if (!demo) await syncPlanFromBilling(db(), shop, await billingFor(request), !getEnv().isProduction);
  const row = await db().shop.findUnique({ where: { domain: shop }, select: { plan: true } });
  if (!row) throw new Response("Shop not found", { status: 404 });
  const plan = findPlan(row.plan);
  return { demo, current: plan.id, plans: PLANS, usage: await loadUsage(db(), shop, plan, new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop, demo } = await requireAdmin(request);
  const parsed = planIdSchema.safeParse((await readForm(request)).get("plan"));
  if (!parsed.success) return data({ ok: false as const, error: "Unknown plan" }, { status: 400 });
  if (demo) {
    const result = await setPlanWithoutBilling(db(), shop, parsed.data);
    return { ok: true as const, plan: result.plan, demo: true };
  }
  const returnUrl = `${getEnv().shopifyAppUrl}/app/plans?shop=${encodeURIComponent(shop)}`;
  // A paid plan throws the redirect to Shopify's approval page (re-thrown by Remix).
  const result = await changePlan(db(), shop, await billingFor(request), { planId: parsed.data, isTest: !getEnv().isProduction, returnUrl });
  return { ok: true as const, plan: result.plan, demo: false };
}

export default function Plans() {
  const { demo, current, plans, usage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" ? navigation.formData?.get("plan") : null;
  return (
    <Page title="Plans" subtitle="Escalation emails are billed monthly through Shopify.">
      <Layout>
        {demo ? (
          <Layout.Section>
            <Banner tone="info" title="Local demo: no Shopify billing">
              <p>Choosing a plan here changes the demo shop's plan directly. In a real store Shopify asks the merchant to approve the charge first.</p>
            </Banner>
          </Layout.Section>
        ) : null}
        {usage.overLimit ? (
          <Layout.Section>
            <Banner tone="warning" title="Escalation email allowance used up">
              <p>
                {usage.escalations} of {usage.allowance} escalation emails used this month
                {usage.limited ? `; ${usage.limited} case${usage.limited === 1 ? " was" : "s were"} not emailed (shoppers saw your contact details)` : ""}.
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        {result && !result.ok ? (
          <Layout.Section>
            <Banner tone="critical" title={result.error} />
          </Layout.Section>
        ) : null}
        {result?.ok ? (
          <Layout.Section>
            <Banner tone="success" title={`You are now on the ${findPlan(result.plan).name} plan${result.demo ? " (demo: changed directly)" : ""}`} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 4 }} gap="300">
            {plans.map((p) => (
              <Card key={p.id}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {p.name} {p.id === current ? <Badge tone="success">Current plan</Badge> : null}
                  </Text>
                  <Text as="p" variant="headingLg">
                    {p.priceUsd === 0 ? "Free" : `$${p.priceUsd}/month`}
                  </Text>
                  <Text as="p">
                    {p.escalationsPerMonth === 0 ? "No escalation emails: shoppers are shown your contact details." : `${p.escalationsPerMonth.toLocaleString("en-US")} escalation emails a month`}
                  </Text>
                  {p.trialDays ? (
                    <Text as="p" tone="subdued">
                      {p.trialDays}-day free trial
                    </Text>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="plan" value={p.id} />
                    <Button submit disabled={p.id === current} loading={pending === p.id} accessibilityLabel={`Choose ${p.name}`}>
                      {p.id === current ? "Current plan" : `Choose ${p.name}`}
                    </Button>
                  </Form>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Text as="p" tone="subdued">
            This month: {usage.escalations} escalation emails of {usage.allowance}.
          </Text>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
