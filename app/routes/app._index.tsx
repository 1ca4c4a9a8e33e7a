import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineStack, Layout, Page, ProgressBar, Text } from "@shopify/polaris";
import { db } from "~/db.server";
import { usagePeriod } from "~/domain/plans";
import { requireAdmin } from "~/services/admin-auth.server";
import { loadShopContext } from "~/services/shop-context.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const ctx = await loadShopContext(db(), shop);
  const usage = await db().usageCounter.findUnique({ where: { shop_period: { shop, period: usagePeriod(new Date()) } } });
  return {
    shopName: ctx?.name ?? shop,
    plan: ctx?.plan ?? null,
    escalationAddress: ctx?.routing.defaultTo[0] ?? null,
    usage: { conversations: usage?.conversations ?? 0, escalations: usage?.escalations ?? 0, limited: usage?.limited ?? 0 },
  };
}

export default function Home() {
  const { shopName, plan, escalationAddress, usage } = useLoaderData<typeof loader>();
  const allowance = plan?.escalationsPerMonth ?? 0;
  return (
    <Page title="Baton">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {shopName}
              </Text>
              <Text as="p">Escalations go to: {escalationAddress ?? "not set yet"}</Text>
              <Text as="p">Plan: {plan?.name ?? "Free"}</Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                This month
              </Text>
              <InlineStack gap="800">
                <Text as="p">Conversations: {usage.conversations}</Text>
                <Text as="p">
                  Escalation emails: {usage.escalations} / {allowance}
                </Text>
                <Text as="p">Over allowance: {usage.limited}</Text>
              </InlineStack>
              <ProgressBar progress={allowance ? Math.min(100, (usage.escalations / allowance) * 100) : 0} size="small" />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
