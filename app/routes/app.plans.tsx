import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineGrid, InlineStack, Layout, Modal, Page, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useAdminUi, useFormatters } from "~/admin/admin-ui";
import { UsageBanner } from "~/admin/usage-banner";
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
  const submit = useSubmit();
  const { toast } = useAdminUi();
  const fmt = useFormatters();
  const [confirm, setConfirm] = useState<PlanId | null>(null);
  const pending = navigation.state !== "idle" ? navigation.formData?.get("plan") : null;
  const currentPlan = findPlan(current);
  useEffect(() => {
    if (result?.ok) toast(`You're on the ${findPlan(result.plan).name} plan${result.demo ? " (demo: changed directly)" : ""}`);
    else if (result) toast(result.error, { error: true });
  }, [result, toast]);
  const choose = (id: PlanId) => {
    // A smaller allowance can stop escalation emails mid-month: ask first (Polaris Modal).
    if (findPlan(id).escalationsPerMonth < currentPlan.escalationsPerMonth) setConfirm(id);
    else submit({ plan: id }, { method: "post" });
  };
  const target = confirm ? findPlan(confirm) : null;
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
        <UsageBanner usage={usage} planName={currentPlan.name} showPlansLink={false} />
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="300">
            {plans.map((p) => (
              <Card key={p.id}>
                <BlockStack gap="200">
                  <InlineStack align="space-between" blockAlign="center">
                    <Text as="h2" variant="headingMd">
                      {p.name}
                    </Text>
                    {p.id === current ? <Badge tone="success">Current plan</Badge> : null}
                  </InlineStack>
                  <Text as="p" variant="headingLg">
                    {p.priceUsd === 0 ? "$0" : `${fmt.money(p.priceUsd, "USD").replace(/\.00$/, "")}`}
                    <Text as="span" tone="subdued" variant="bodyMd">
                      {" "}
                      / month
                    </Text>
                  </Text>
                  <Text as="p">
                    {p.escalationsPerMonth === 0
                      ? "No escalation emails: shoppers who need a person see your contact details."
                      : `${fmt.number(p.escalationsPerMonth)} escalation emails a month`}
                  </Text>
                  {p.trialDays ? (
                    <Text as="p" tone="subdued">
                      {p.trialDays}-day free trial
                    </Text>
                  ) : null}
                  <Button
                    onClick={() => choose(p.id)}
                    disabled={p.id === current}
                    loading={pending === p.id}
                    variant={p.escalationsPerMonth > currentPlan.escalationsPerMonth ? "primary" : undefined}
                  >
                    {p.id === current
                      ? "Current plan"
                      : p.escalationsPerMonth < currentPlan.escalationsPerMonth
                        ? `Downgrade to ${p.name}`
                        : `Choose ${p.name}`}
                  </Button>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Text as="p" tone="subdued">
            {usage.emailsOff
              ? "This month: escalation emails are off."
              : `This month: ${fmt.number(usage.escalations)} of ${fmt.number(usage.allowance)} escalation emails used.`}
          </Text>
        </Layout.Section>
      </Layout>
      <Modal
        open={target !== null}
        onClose={() => setConfirm(null)}
        title={target ? `Switch to ${target.name}?` : ""}
        primaryAction={{
          content: target ? `Switch to ${target.name}` : "Switch",
          destructive: true,
          onAction: () => {
            if (target) submit({ plan: target.id }, { method: "post" });
            setConfirm(null);
          },
        }}
        secondaryActions={[{ content: `Keep ${currentPlan.name}`, onAction: () => setConfirm(null) }]}
      >
        <Modal.Section>
          {target ? (
            <BlockStack gap="200">
              {target.escalationsPerMonth === 0 ? (
                <Text as="p">
                  Escalation emails stop at once. Shoppers who ask for a person will see your contact details instead, and your team gets no cases by email.
                </Text>
              ) : (
                <Text as="p">
                  {`Your allowance drops from ${fmt.number(currentPlan.escalationsPerMonth)} to ` +
                    `${fmt.number(target.escalationsPerMonth)} escalation emails a month. You've used ` +
                    `${fmt.number(usage.escalations)} this month; once the new allowance is used, shoppers see your contact ` +
                    `details.`}
                </Text>
              )}
              {!demo && currentPlan.priceUsd > 0 ? (
                <Text as="p" tone="subdued">{`Your ${currentPlan.name} subscription is replaced in Shopify billing.`}</Text>
              ) : null}
            </BlockStack>
          ) : null}
        </Modal.Section>
      </Modal>
    </Page>
  );
}
