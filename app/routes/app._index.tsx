import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, Link, Page, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { db } from "~/db.server";
import { getEnv } from "~/env.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { loadSetupChecklist, sendTestEmail } from "~/admin/setup-checklist.server";
import { loadAdminAccessNotice } from "~/shopify/admin-access-notice.server";
import { readForm } from "~/platform/http.server";
import { useFormatters } from "~/admin/admin-ui";
import { UsageBanner } from "~/admin/usage-banner";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, demo } = await requireAdmin(request);
  const checklist = await loadSetupChecklist(db(), shop, getEnv().shopifyApiKey, new Date());
  if (!checklist) throw new Response("Shop not found", { status: 404 });
  // issue 15: set when Shopify refused to renew the offline token (storefront order lookups fail).
  const adminAccess = await loadAdminAccessNotice(db(), shop);
  return { checklist, demo, adminAccess };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await readForm(request);
  if (form.get("intent") !== "test-email") return data({ ok: false as const, error: "Unknown action" }, { status: 400 });
  const result = await sendTestEmail(db(), shop, new Date());
  if (!result.ok) return data({ ok: false as const, error: result.error }, { status: 400 });
  return { ok: true as const, outboxId: result.outboxId, to: result.to };
}

function Step({ done, title, children }: { done: boolean; title: string; children?: React.ReactNode }) {
  return (
    <li data-step={title} data-done={done ? "true" : "false"} style={{ listStyle: "none", padding: "8px 0", borderBottom: "1px solid #eee" }}>
      <BlockStack gap="100">
        <InlineStack gap="200" blockAlign="center">
          <Badge tone={done ? "success" : "attention"}>{done ? "Done" : "To do"}</Badge>
          <Text as="h3" variant="headingSm">
            {title}
          </Text>
        </InlineStack>
        {children}
      </BlockStack>
    </li>
  );
}

export default function Home() {
  const { checklist: c, demo, adminAccess } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const sending = navigation.state !== "idle" && navigation.formData?.get("intent") === "test-email";
  const waiting = c.testEmail.status === "pending" || c.testEmail.status === "sending";

  // While the test email is on its way, refresh so "sent and received" turns green by itself.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [waiting, revalidator]);

  const { usage } = c;
  const fmt = useFormatters();
  const steps = [c.embed.done, c.address.done, c.testEmail.done, c.planChosen.done];
  return (
    <Page title={`Baton — ${c.shopName}`} subtitle={`${steps.filter(Boolean).length} of ${steps.length} setup steps done`}>
      <Layout>
        {adminAccess ? (
          <Layout.Section>
            <Banner tone="critical" title="Baton can’t look up orders right now">
              <p>
                Shopify did not renew Baton’s access to your store (since {fmt.dateTime(adminAccess.since)}), so the assistant tells shoppers it can’t check
                orders and offers your team instead. Opening Baton from your Shopify admin reconnects it; if this message stays, reinstall Baton.
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        <UsageBanner usage={usage} planName={c.plan.name} />
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Setup
              </Text>
              <ol style={{ margin: 0, padding: 0 }} aria-label="Setup checklist">
                <Step done={c.embed.done} title="Turn on the chat in your theme">
                  <Text as="p">
                    Open the theme editor with Baton's app embed switched on, then save the theme.{" "}
                    <Link url={c.embed.deepLink} target="_blank">
                      Open theme editor
                    </Link>
                  </Text>
                  <Text as="p" tone="subdued">
                    {c.embed.done
                      ? `Your storefront started its first conversation on ${fmt.dateTime(c.embed.firstConversationAt!)}.`
                      : "This step is marked done once your storefront has started a conversation."}
                  </Text>
                </Step>
                <Step done={c.address.done} title="Set where escalations go">
                  <Text as="p">
                    {c.address.done ? `Escalations go to ${c.address.defaultTo.join(", ")}. ` : "No escalation address yet. "}
                    <Link url="/app/settings">Edit in Settings</Link>
                  </Text>
                </Step>
                <Step done={c.testEmail.done} title="Send a test email and check it arrives">
                  <Text as="p">
                    {c.testEmail.status === null
                      ? "Sends a sample escalation email through the same delivery queue real cases use."
                      : `Last test email to ${c.testEmail.to.join(", ")}: ` +
                        `${c.testEmail.status === "sent" ? "delivered to your mail server" : c.testEmail.status}` +
                        `${c.testEmail.lastError ? ` (${c.testEmail.lastError})` : ""}.`}
                  </Text>
                  <Form method="post">
                    <input type="hidden" name="intent" value="test-email" />
                    <InlineStack gap="200" blockAlign="center">
                      <Button submit loading={sending} disabled={!c.address.done}>
                        Send test email
                      </Button>
                      {result && "error" in result && !result.ok ? (
                        <Text as="span" tone="critical">
                          {result.error}
                        </Text>
                      ) : null}
                      {result?.ok ? (
                        <Text as="span" tone="success">
                          Test email queued to {result.to.join(", ")}.
                        </Text>
                      ) : null}
                    </InlineStack>
                  </Form>
                </Step>
                <Step done={c.planChosen.done} title="Choose a plan">
                  <Text as="p">
                    You are on the {c.plan.name} plan
                    {c.plan.priceUsd === 0
                      ? " (no escalation emails: shoppers are shown your contact details)"
                      : ` (${fmt.number(c.plan.escalationsPerMonth)} escalation emails a month)`}
                    . <Link url="/app/plans">See plans</Link>
                  </Text>
                </Step>
              </ol>
              {demo ? (
                <Text as="p" tone="subdued">
                  Local demo: the theme editor link points at the demo shop and will not open a real Shopify admin.
                </Text>
              ) : null}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                This month ({usage.period})
              </Text>
              <InlineStack gap="800">
                <Text as="p">Conversations: {fmt.number(usage.conversations)}</Text>
                <Text as="p">
                  Escalation emails: {usage.emailsOff ? `off on the ${c.plan.name} plan` : `${fmt.number(usage.escalations)} of ${fmt.number(usage.allowance)}`}
                </Text>
                {usage.limited ? <Text as="p">Not emailed (no allowance): {fmt.number(usage.limited)}</Text> : null}
              </InlineStack>
              {usage.emailsOff ? null : (
                <ProgressBar
                  progress={Math.min(100, (usage.escalations / usage.allowance) * 100)}
                  size="small"
                  tone={usage.overLimit ? "critical" : "primary"}
                />
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
