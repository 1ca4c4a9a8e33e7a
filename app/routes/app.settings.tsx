import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, Checkbox, FormLayout, InlineGrid, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { db } from "~/db.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { SETTINGS_OPTIONS, loadSettings, saveSettingsForm, type FieldErrors, type SettingsDocuments } from "~/admin/settings.server";
import { readForm } from "~/platform/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const settings = await loadSettings(db(), shop);
  if (!settings) throw new Response("Shop not found", { status: 404 });
  return { settings, options: SETTINGS_OPTIONS };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const result = await saveSettingsForm(db(), shop, await readForm(request));
  if (!result.ok) return data({ ok: false as const, errors: result.errors }, { status: 400 });
  return { ok: true as const, errors: {} as FieldErrors };
}

interface RouteRow {
  id: string;
  reason: string;
  topic: string;
  priority: string;
  to: string;
  cc: string;
}

const BOOLS = [
  "triggers.explicitRequest.enabled",
  "triggers.negativeSentiment.enabled",
  "triggers.negativeSentiment.risingFrustration",
  "triggers.complaint.enabled",
  "triggers.threat.enabled",
  "triggers.keyword.enabled",
  "triggers.repeatedFailure.enabled",
  "triggers.repeatedFailure.repeatedQuestion",
  "triggers.orderState.enabled",
  "triggers.sensitiveTopic.enabled",
  "triggers.authorityLimit.enabled",
  "triggers.vip.enabled",
  "assistant.llmEnabled",
] as const;

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function toFormState(s: SettingsDocuments) {
  const text = (path: string, sep = ", ") => {
    const v = get(s, path);
    if (Array.isArray(v)) return v.join(sep);
    return v === null || v === undefined ? "" : String(v);
  };
  const values: Record<string, string> = {};
  for (const name of [
    "routing.defaultTo",
    "routing.fromName",
    "routing.ccUrgent",
    "triggers.threshold",
    "triggers.negativeSentiment.threshold",
    "triggers.complaint.threshold",
    "triggers.repeatedFailure.maxAssistantFailures",
    "triggers.repeatedFailure.minModelConfidence",
    "triggers.orderState.stalledFulfillmentDays",
    "triggers.authorityLimit.maxRefundAmount",
    "triggers.vip.tags",
    "triggers.vip.minTotalSpent",
    "triggers.vip.minOrderCount",
    "triggers.vip.lowerThresholdBy",
    "assistant.name",
    "assistant.greeting",
    "assistant.tone",
    "contact.email",
    "contact.phone",
    "contact.url",
    "retentionDays",
  ]) {
    values[name] = text(name);
  }
  values["triggers.keywords"] = text("triggers.keywords", "\n");
  const checks: Record<string, boolean> = {};
  for (const name of BOOLS) checks[name] = get(s, name) === true;
  const routes: RouteRow[] = s.routing.routes.map((r) => ({
    id: r.id,
    reason: r.when.reason ?? "",
    topic: r.when.topic ?? "",
    priority: r.when.priority ?? "",
    to: r.to.join(", "),
    cc: r.cc.join(", "),
  }));
  return { values, checks, routes, languages: [...s.triggers.languages] as string[] };
}

const blankRoute = (): RouteRow => ({ id: "", reason: "", topic: "", priority: "", to: "", cc: "" });

export default function Settings() {
  const { settings, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const initial = toFormState(settings as SettingsDocuments);
  const [values, setValues] = useState(initial.values);
  const [checks, setChecks] = useState(initial.checks);
  const [routes, setRoutes] = useState<RouteRow[]>(initial.routes.length ? initial.routes : [blankRoute()]);
  const [languages, setLanguages] = useState(initial.languages);
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  const saving = navigation.state === "submitting";

  const text = (name: string, label: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField
      label={label}
      name={name}
      value={values[name] ?? ""}
      onChange={(v) => setValues((s) => ({ ...s, [name]: v }))}
      error={errors[name]}
      autoComplete="off"
      {...extra}
    />
  );
  const check = (name: string, label: string, helpText?: string) => (
    <Checkbox label={label} name={name} value="true" checked={checks[name] ?? false} helpText={helpText} onChange={(v) => setChecks((s) => ({ ...s, [name]: v }))} />
  );
  const setRoute = (i: number, field: keyof RouteRow, v: string) => setRoutes((rs) => rs.map((r, j) => (j === i ? { ...r, [field]: v } : r)));
  const errorCount = Object.keys(errors).length;

  return (
    <Page title="Settings" backAction={{ content: "Home", url: "/app" }}>
      <Form method="post" noValidate>
        <BlockStack gap="400">
          {result?.ok ? <Banner tone="success" title="Settings saved" /> : null}
          {errorCount > 0 ? (
            <Banner tone="critical" title={`Nothing was saved: ${errorCount} field${errorCount === 1 ? " needs" : "s need"} attention`}>
              <ul>
                {Object.entries(errors).map(([field, message]) => (
                  <li key={field}>
                    <a href={`#${field.replace(/\./g, "-")}`}>{field}</a>: {message}
                  </li>
                ))}
              </ul>
            </Banner>
          ) : null}
          <Layout>
            <Layout.AnnotatedSection id="routing" title="Escalation addresses" description="Where escalation emails go. Separate several addresses with commas.">
              <Card>
                <FormLayout>
                  {text("routing.defaultTo", "Default escalation addresses", { id: "routing-defaultTo", helpText: "Used when no route below matches." })}
                  {text("routing.ccUrgent", "CC on urgent cases", { id: "routing-ccUrgent" })}
                  {text("routing.fromName", "Sender name", { id: "routing-fromName", helpText: "Shown as the From name; the address is Baton's verified sender." })}
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection
              id="routes"
              title="Routing matrix"
              description="Send cases by reason, topic or priority to another team (the first matching route with addresses replaces the default; other matches are copied)."
            >
              <Card>
                <BlockStack gap="400">
                  <input type="hidden" name="routing.routeCount" value={routes.length} />
                  {routes.map((r, i) => (
                    <Box key={i} paddingBlockEnd="300" borderBlockEndWidth="025" borderColor="border">
                      <BlockStack gap="200">
                        <Text as="h3" variant="headingSm">
                          Route {i + 1}
                        </Text>
                        <input type="hidden" name={`routing.routes.${i}.id`} value={r.id || `route-${i + 1}`} />
                        <InlineGrid columns={3} gap="200">
                          <Select
                            label="Reason"
                            name={`routing.routes.${i}.reason`}
                            options={[{ label: "Any", value: "" }, ...options.reasons]}
                            value={r.reason}
                            onChange={(v) => setRoute(i, "reason", v)}
                            error={errors[`routing.routes.${i}.reason`]}
                          />
                          <Select
                            label="Topic"
                            name={`routing.routes.${i}.topic`}
                            options={[{ label: "Any", value: "" }, ...options.topics]}
                            value={r.topic}
                            onChange={(v) => setRoute(i, "topic", v)}
                            error={errors[`routing.routes.${i}.topic`]}
                          />
                          <Select
                            label="Priority"
                            name={`routing.routes.${i}.priority`}
                            options={[{ label: "Any", value: "" }, ...options.priorities]}
                            value={r.priority}
                            onChange={(v) => setRoute(i, "priority", v)}
                            error={errors[`routing.routes.${i}.priority`]}
                          />
                        </InlineGrid>
                        <InlineGrid columns={2} gap="200">
                          <TextField
                            label="Send to"
                            name={`routing.routes.${i}.to`}
                            value={r.to}
                            onChange={(v) => setRoute(i, "to", v)}
                            error={errors[`routing.routes.${i}.to`]}
                            autoComplete="off"
                          />
                          <TextField
                            label="CC"
                            name={`routing.routes.${i}.cc`}
                            value={r.cc}
                            onChange={(v) => setRoute(i, "cc", v)}
                            error={errors[`routing.routes.${i}.cc`]}
                            autoComplete="off"
                          />
                        </InlineGrid>
                        <InlineStack>
                          <Button variant="plain" tone="critical" onClick={() => setRoutes((rs) => rs.filter((_, j) => j !== i))}>
                            Remove route {String(i + 1)}
                          </Button>
                        </InlineStack>
                      </BlockStack>
                    </Box>
                  ))}
                  <InlineStack>
                    <Button onClick={() => setRoutes((rs) => [...rs, blankRoute()])} disabled={routes.length >= 50}>
                      Add route
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection id="triggers" title="Escalation triggers" description="Switch each trigger and tune its threshold. Scores and thresholds run from 0 to 1.">
              <Card>
                <FormLayout>
                  {text("triggers.threshold", "Overall escalation threshold", { type: "number", step: 0.05, id: "triggers-threshold" })}
                  {check("triggers.explicitRequest.enabled", "Shopper asks for a person")}
                  <FormLayout.Group>
                    {check("triggers.negativeSentiment.enabled", "Negative sentiment")}
                    {text("triggers.negativeSentiment.threshold", "Sentiment threshold", { type: "number", step: 0.05, id: "triggers-negativeSentiment-threshold" })}
                  </FormLayout.Group>
                  {check("triggers.negativeSentiment.risingFrustration", "Also when frustration rises across messages")}
                  <FormLayout.Group>
                    {check("triggers.complaint.enabled", "Complaint (never arrived, wrong item, damaged)")}
                    {text("triggers.complaint.threshold", "Complaint threshold", { type: "number", step: 0.05, id: "triggers-complaint-threshold" })}
                  </FormLayout.Group>
                  {check("triggers.threat.enabled", "Threats (chargeback, legal, bad review)")}
                  {check("triggers.keyword.enabled", "Your keywords")}
                  {text("triggers.keywords", "Keywords", { multiline: 3, helpText: "One per line (or comma-separated).", id: "triggers-keywords" })}
                  <FormLayout.Group>
                    {check("triggers.repeatedFailure.enabled", "Assistant could not help")}
                    {text("triggers.repeatedFailure.maxAssistantFailures", "After this many failures", { type: "number", id: "triggers-repeatedFailure-maxAssistantFailures" })}
                    {text("triggers.repeatedFailure.minModelConfidence", "Minimum model confidence", { type: "number", step: 0.05, id: "triggers-repeatedFailure-minModelConfidence" })}
                  </FormLayout.Group>
                  {check("triggers.repeatedFailure.repeatedQuestion", "Also when the shopper repeats a question")}
                  <FormLayout.Group>
                    {check("triggers.orderState.enabled", "Order problems")}
                    {text("triggers.orderState.stalledFulfillmentDays", "Fulfilment stalled after (days)", { type: "number", id: "triggers-orderState-stalledFulfillmentDays" })}
                  </FormLayout.Group>
                  {check("triggers.sensitiveTopic.enabled", "Sensitive topics (privacy, safety, fraud)", "Keep on unless you have another process for these.")}
                  <FormLayout.Group>
                    {check("triggers.authorityLimit.enabled", "Refunds beyond the assistant's limit")}
                    {text("triggers.authorityLimit.maxRefundAmount", "Largest refund the assistant may promise", { type: "number", id: "triggers-authorityLimit-maxRefundAmount" })}
                  </FormLayout.Group>
                  <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                    <legend>Languages the detector listens in (English is always on)</legend>
                    <InlineStack gap="300">
                      {options.languages.map((l) => (
                        <Checkbox
                          key={l}
                          label={l}
                          name="triggers.languages"
                          value={l}
                          checked={languages.includes(l)}
                          onChange={(on) => setLanguages((ls) => (on ? [...ls, l] : ls.filter((x) => x !== l)))}
                        />
                      ))}
                    </InlineStack>
                  </fieldset>
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection id="vip" title="Priority customers (VIP)" description="VIPs get higher priority and, optionally, a lower threshold. A rule set to 0 is off.">
              <Card>
                <FormLayout>
                  {check("triggers.vip.enabled", "Treat VIPs as priority customers")}
                  {text("triggers.vip.tags", "Customer tags", { id: "triggers-vip-tags" })}
                  <FormLayout.Group>
                    {text("triggers.vip.minTotalSpent", "Total spent at least", { type: "number", id: "triggers-vip-minTotalSpent" })}
                    {text("triggers.vip.minOrderCount", "Order count at least", { type: "number", id: "triggers-vip-minOrderCount" })}
                    {text("triggers.vip.lowerThresholdBy", "Lower thresholds by", { type: "number", step: 0.05, id: "triggers-vip-lowerThresholdBy" })}
                  </FormLayout.Group>
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection id="assistant" title="Assistant" description="How the chat introduces itself and talks.">
              <Card>
                <FormLayout>
                  {text("assistant.name", "Assistant name", { id: "assistant-name" })}
                  {text("assistant.greeting", "Greeting", { multiline: 2, id: "assistant-greeting" })}
                  <Select
                    label="Tone"
                    name="assistant.tone"
                    options={options.tones.map((t) => ({ label: t[0]!.toUpperCase() + t.slice(1), value: t }))}
                    value={values["assistant.tone"]}
                    onChange={(v) => setValues((s) => ({ ...s, "assistant.tone": v }))}
                    error={errors["assistant.tone"]}
                  />
                  {check("assistant.llmEnabled", "Use the language model when one is configured", "Off: the built-in assistant answers (greetings, order status, policies, escalation).")}
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection id="contact" title="Contact options" description="Shown to shoppers when no escalation email can be sent (free plan, allowance used up, or they decline to give an email).">
              <Card>
                <FormLayout>
                  {text("contact.email", "Contact email", { type: "email", id: "contact-email" })}
                  {text("contact.phone", "Phone", { id: "contact-phone" })}
                  {text("contact.url", "Contact page URL", { type: "url", id: "contact-url" })}
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>
            <Layout.AnnotatedSection id="retention" title="Data retention" description="Conversations and cases older than this are deleted.">
              <Card>
                {text("retentionDays", "Keep data for (days)", { type: "number", id: "retentionDays" })}
              </Card>
            </Layout.AnnotatedSection>
          </Layout>
          <InlineStack align="end">
            <Button variant="primary" submit loading={saving}>
              Save settings
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Page>
  );
}
