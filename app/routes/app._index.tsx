import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Layout, Link, Page, ProgressBar, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { db } from "~/db.server";
import { adminLinks, appConfig, prefillEmptyRecipient } from "~/shopify.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { loadSetupChecklist, sendTestEmail } from "~/admin/setup-checklist.server";
import { loadAdminAccessNotice } from "~/shopify/admin-access-notice.server";
import { readForm } from "~/platform/http.server";
import { useFormatters, useT } from "~/admin/admin-ui";
import { UsageBanner } from "~/admin/usage-banner";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, demo, admin } = await requireAdmin(request);
  // Shops installed before install prefilled it: the recipient comes from the shop's contact email.
  if (admin) await prefillEmptyRecipient(shop, admin);
  const checklist = await loadSetupChecklist(db(), shop, appConfig.apiKey, new Date());
  if (!checklist) throw new Response("Shop not found", { status: 404 });
  // Set when Shopify refused to renew the offline token (storefront order lookups fail until the merchant reopens the app).
  const adminAccess = await loadAdminAccessNotice(db(), shop);
  return { checklist, demo, adminAccess };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await readForm(request);
  if (form.get("intent") !== "test-email") return data({ ok: false as const, error: "Unknown action" }, { status: 400 });
  const result = await sendTestEmail(db(), shop, new Date(), { mailFrom: appConfig.mailFrom, links: adminLinks });
  if (!result.ok) return data({ ok: false as const, error: result.error }, { status: 400 });
  return { ok: true as const, outboxId: result.outboxId, to: result.to };
}

function Step({ done, title, children }: { done: boolean; title: string; children?: React.ReactNode }) {
  const t = useT();
  return (
    <li data-step={title} data-done={done ? "true" : "false"} style={{ listStyle: "none", padding: "8px 0", borderBottom: "1px solid #eee" }}>
      <BlockStack gap="100">
        <InlineStack gap="200" blockAlign="center">
          <Badge tone={done ? "success" : "attention"}>{done ? t.home.done : t.home.toDo}</Badge>
          <Text as="h3" variant="headingSm">
            {title}
          </Text>
        </InlineStack>
        {children}
      </BlockStack>
    </li>
  );
}

/** A step's action: the primary button when it is the next step to do (as Shopify's setup guides), else a plain link. */
function StepAction({ next, url, external, children }: { next: boolean; url: string; external?: boolean; children: string }) {
  if (next)
    return (
      <InlineStack>
        <Button variant="primary" url={url} target={external ? "_blank" : undefined}>
          {children}
        </Button>
      </InlineStack>
    );
  return (
    <Link url={url} target={external ? "_blank" : undefined}>
      {children}
    </Link>
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
  const t = useT();
  const h = t.home;
  const steps = [c.embed.done, c.address.done, c.testEmail.done, c.planChosen.done];
  const next = steps.indexOf(false);
  const complete = next === -1;
  // A finished checklist folds away; the merchant can open it again (null: follow whether it is complete).
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const open = expanded ?? !complete;
  return (
    <Page title={h.title(c.shopName)} subtitle={h.stepsDone(steps.filter(Boolean).length, steps.length)}>
      <Layout>
        {adminAccess ? (
          <Layout.Section>
            <Banner tone="critical" title={h.accessTitle}>
              <p>{h.accessBody(fmt.dateTime(adminAccess.since))}</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <UsageBanner usage={usage} planName={c.plan.name} />
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center" gap="200">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {h.setup}
                  </Text>
                  {complete ? <Badge tone="success">{h.setupComplete}</Badge> : null}
                </InlineStack>
                {complete ? (
                  <Button variant="plain" onClick={() => setExpanded(!open)} ariaExpanded={open} ariaControls="setup-steps" disclosure={open ? "up" : "down"}>
                    {open ? h.hideSteps : h.showSteps}
                  </Button>
                ) : null}
              </InlineStack>
              <ol id="setup-steps" hidden={!open} style={{ margin: 0, padding: 0 }} aria-label={h.checklist}>
                <Step done={c.embed.done} title={h.embedTitle}>
                  <Text as="p">{h.embedBody}</Text>
                  <StepAction next={next === 0} url={c.embed.deepLink} external>
                    {h.openThemeEditor}
                  </StepAction>
                  <Text as="p" tone="subdued">
                    {c.embed.done ? h.embedDone(fmt.dateTime(c.embed.firstConversationAt!)) : h.embedPending}
                  </Text>
                </Step>
                <Step done={c.address.done} title={h.addressTitle}>
                  <Text as="p">{c.address.done ? h.addressDone(c.address.defaultTo.join(", ")) : h.addressMissing}</Text>
                  <StepAction next={next === 1} url="/app/settings">
                    {h.editInSettings}
                  </StepAction>
                </Step>
                <Step done={c.testEmail.done} title={h.testTitle}>
                  <Text as="p">
                    {c.testEmail.status === null
                      ? h.testIntro
                      : h.testLast(c.testEmail.to.join(", "), h.testStatus[c.testEmail.status] ?? c.testEmail.status, c.testEmail.lastError)}
                  </Text>
                  <Form method="post">
                    <input type="hidden" name="intent" value="test-email" />
                    <InlineStack gap="200" blockAlign="center">
                      <Button submit loading={sending} disabled={!c.address.done} variant={next === 2 ? "primary" : undefined}>
                        {h.sendTest}
                      </Button>
                      {result && "error" in result && !result.ok ? (
                        <Text as="span" tone="critical">
                          {result.error}
                        </Text>
                      ) : null}
                      {result?.ok ? (
                        <Text as="span" tone="success">
                          {h.testQueued(result.to.join(", "))}
                        </Text>
                      ) : null}
                    </InlineStack>
                  </Form>
                </Step>
                <Step done={c.planChosen.done} title={h.planTitle}>
                  <Text as="p">
                    {c.plan.escalationsPerMonth === 0 ? h.planNoEmails(c.plan.name) : h.planNow(c.plan.name, fmt.number(c.plan.escalationsPerMonth))}
                  </Text>
                  <StepAction next={next === 3} url="/app/plans">
                    {h.seePlans}
                  </StepAction>
                </Step>
              </ol>
              {demo && open ? (
                <Text as="p" tone="subdued">
                  {h.demoNote}
                </Text>
              ) : null}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {fmt.month(usage.period)}
              </Text>
              <InlineStack gap="800">
                <Text as="p">{h.conversations(fmt.number(usage.conversations))}</Text>
                <Text as="p">{usage.emailsOff ? h.emailsOff(c.plan.name) : h.emailsUsed(fmt.number(usage.escalations), fmt.number(usage.allowance))}</Text>
                {usage.limited ? <Text as="p">{h.notEmailed(fmt.number(usage.limited))}</Text> : null}
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
