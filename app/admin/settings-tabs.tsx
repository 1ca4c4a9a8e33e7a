import { BlockStack, Box, Button, Checkbox, ChoiceList, FormLayout, InlineGrid, InlineStack, Layout, Card, Select, Text, TextField } from "@shopify/polaris";
import type { ComponentProps, Dispatch, SetStateAction } from "react";
import { SENSITIVITY_PRESETS, type SensitivityPreset } from "~/domain/escalation/sensitivity";
import { useAdminLayout, useFormatters } from "./admin-ui";
import { fieldDomId, fieldMeta } from "./settings-fields";
import { applyPreset, blankRoute, presetOfValues, type RouteRow, type SettingsFormState } from "./settings-form-state";
import type { FieldErrors, SETTINGS_OPTIONS } from "./settings.server";

// The four tabs of the settings page. Field names are the settings' dotted paths (see
// settings.server.ts); labels come from settings-fields.ts so errors use the same words.

export interface SettingsFormApi {
  state: SettingsFormState;
  setState: Dispatch<SetStateAction<SettingsFormState>>;
  errors: FieldErrors;
  options: typeof SETTINGS_OPTIONS;
}

type TextProps = Partial<ComponentProps<typeof TextField>>;

function useFields({ state, setState, errors }: SettingsFormApi) {
  const text = (name: string, extra: TextProps = {}) => (
    <TextField
      label={fieldMeta(name).label}
      name={name}
      id={fieldDomId(name)}
      value={state.values[name] ?? ""}
      onChange={(v) => setState((s) => ({ ...s, values: { ...s.values, [name]: v } }))}
      error={errors[name]}
      autoComplete="off"
      {...extra}
    />
  );
  const check = (name: string, label: string, helpText?: string) => (
    <Checkbox
      label={label}
      name={name}
      id={fieldDomId(name)}
      value="true"
      checked={state.checks[name] ?? false}
      helpText={helpText}
      error={errors[name]}
      onChange={(v) => setState((s) => ({ ...s, checks: { ...s.checks, [name]: v } }))}
    />
  );
  /** A value the merchant cannot change here but that must survive a save. */
  const keep = (name: string) => (
    <input type="hidden" name={name} value={name in state.checks ? (state.checks[name] ? "true" : "false") : (state.values[name] ?? "")} />
  );
  return { text, check, keep };
}

export function EscalationsTab(api: SettingsFormApi) {
  const { text } = useFields(api);
  const { state, setState, errors, options } = api;
  const setRoute = (i: number, field: keyof RouteRow, v: string) =>
    setState((s) => ({ ...s, routes: s.routes.map((r, j) => (j === i ? { ...r, [field]: v } : r)) }));
  return (
    <>
      <Layout.AnnotatedSection id="addresses" title="Escalation addresses" description="Where escalation emails go. Separate several addresses with commas.">
        <Card>
          <FormLayout>
            {text("routing.defaultTo", { helpText: "Used when no routing rule below matches.", placeholder: "support@yourstore.com" })}
            {text("routing.ccUrgent", { helpText: "Copied on every urgent case." })}
            {text("routing.fromName", { helpText: "Shown as the sender's name; the address is Baton's verified sender." })}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection
        id="routes"
        title="Routing rules"
        description={
          "Send cases about a reason, topic or priority to another team. " + "The first matching rule replaces the default addresses; later matches are copied."
        }
      >
        <Card>
          <BlockStack gap="400">
            <input type="hidden" name="routing.routeCount" value={state.routes.length} />
            {errors["routing.routes"] ? (
              <Text as="p" tone="critical">
                {errors["routing.routes"]}
              </Text>
            ) : null}
            {state.routes.map((r, i) => (
              <Box key={i} paddingBlockEnd="300" borderBlockEndWidth="025" borderColor="border">
                <BlockStack gap="200">
                  <InlineStack align="space-between" blockAlign="center">
                    <Text as="h3" variant="headingSm">
                      Rule {i + 1}
                    </Text>
                    <Button
                      variant="plain"
                      tone="critical"
                      onClick={() => setState((s) => ({ ...s, routes: s.routes.filter((_, j) => j !== i) }))}
                      accessibilityLabel={`Remove rule ${i + 1}`}
                    >
                      Remove
                    </Button>
                  </InlineStack>
                  <input type="hidden" name={`routing.routes.${i}.id`} value={r.id || `route-${i + 1}`} />
                  <InlineGrid columns={{ xs: 1, sm: 3 }} gap="200">
                    {(["reason", "topic", "priority"] as const).map((field) => (
                      <Select
                        key={field}
                        label={fieldMeta(`routing.routes.${i}.${field}`).label.replace(/^Routing rule \d+: /, "")}
                        id={fieldDomId(`routing.routes.${i}.${field}`)}
                        name={`routing.routes.${i}.${field}`}
                        options={[{ label: "Any", value: "" }, ...options[field === "reason" ? "reasons" : field === "topic" ? "topics" : "priorities"]]}
                        value={r[field]}
                        onChange={(v) => setRoute(i, field, v)}
                        error={errors[`routing.routes.${i}.${field}`]}
                      />
                    ))}
                  </InlineGrid>
                  <InlineGrid columns={{ xs: 1, sm: 2 }} gap="200">
                    {(["to", "cc"] as const).map((field) => (
                      <TextField
                        key={field}
                        label={field === "to" ? "Send to" : "CC"}
                        id={fieldDomId(`routing.routes.${i}.${field}`)}
                        name={`routing.routes.${i}.${field}`}
                        value={r[field]}
                        onChange={(v) => setRoute(i, field, v)}
                        error={errors[`routing.routes.${i}.${field}`]}
                        autoComplete="off"
                      />
                    ))}
                  </InlineGrid>
                </BlockStack>
              </Box>
            ))}
            <InlineStack>
              <Button onClick={() => setState((s) => ({ ...s, routes: [...s.routes, blankRoute()] }))} disabled={state.routes.length >= 50}>
                Add rule
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
      </Layout.AnnotatedSection>
    </>
  );
}

export function TriggersTab(api: SettingsFormApi & { onShowAdvanced(): void }) {
  const { text, check } = useFields(api);
  const { state, setState, options } = api;
  const fmt = useFormatters();
  const money = { type: "number" as const, min: 0, prefix: fmt.currencySymbol(), inputMode: "decimal" as const };
  const preset = presetOfValues(state.values);
  const choices = (Object.entries(SENSITIVITY_PRESETS) as Array<[SensitivityPreset, (typeof SENSITIVITY_PRESETS)[SensitivityPreset]]>).map(([value, p]) => ({
    value,
    label: p.label,
    helpText: p.description,
  }));
  if (preset === "custom") choices.push({ value: "custom" as SensitivityPreset, label: "Custom", helpText: "Your own thresholds, set under Advanced." });
  return (
    <>
      <Layout.AnnotatedSection id="sensitivity" title="Sensitivity" description="How readily the assistant hands a conversation to your team.">
        <Card>
          <BlockStack gap="300">
            <ChoiceList
              title="Escalation sensitivity"
              titleHidden
              choices={choices}
              selected={[preset]}
              onChange={([v]) => v && v !== "custom" && setState((s) => ({ ...s, values: applyPreset(s.values, v as SensitivityPreset) }))}
            />
            <InlineStack>
              <Button variant="plain" onClick={api.onShowAdvanced}>
                Fine-tune exact thresholds
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection
        id="triggers"
        title="When to hand over"
        description="Each trigger can be switched off. Sensitive topics always reach a person unless you have your own process."
      >
        <Card>
          <FormLayout>
            {check("triggers.explicitRequest.enabled", "Shopper asks for a person")}
            {check("triggers.negativeSentiment.enabled", "Strongly negative messages")}
            {check("triggers.negativeSentiment.risingFrustration", "Frustration rising across messages")}
            {check("triggers.complaint.enabled", "Complaints (never arrived, wrong item, damaged)")}
            {check("triggers.threat.enabled", "Threats (chargeback, legal action, bad review)")}
            {check("triggers.sensitiveTopic.enabled", "Sensitive topics (privacy, safety, fraud)")}
            {check("triggers.repeatedFailure.repeatedQuestion", "Shopper repeats a question")}
            <FormLayout.Group condensed>
              {check("triggers.repeatedFailure.enabled", "Assistant could not help")}
              {text("triggers.repeatedFailure.maxAssistantFailures", { type: "number", min: 1, max: 10, label: "After this many times", helpText: "1 to 10" })}
            </FormLayout.Group>
            <FormLayout.Group condensed>
              {check("triggers.orderState.enabled", "Order problems (delivered but not received, cancellations)")}
              {text("triggers.orderState.stalledFulfillmentDays", {
                type: "number",
                min: 1,
                max: 90,
                label: "Fulfillment stalled after",
                suffix: "days",
                helpText: "1 to 90 days",
              })}
            </FormLayout.Group>
            <FormLayout.Group condensed>
              {check("triggers.authorityLimit.enabled", "Refunds beyond the assistant's limit")}
              {text("triggers.authorityLimit.maxRefundAmount", { ...money, helpText: "0 means the assistant never promises money." })}
            </FormLayout.Group>
            {check("triggers.keyword.enabled", "Your keywords")}
            {text("triggers.keywords", { multiline: 3, helpText: "One per line, for example refund, complaint, legal." })}
          </FormLayout>
          <Box paddingBlockStart="400">
            <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
              <legend style={{ marginBottom: 4 }}>Languages the assistant listens in</legend>
              <InlineStack gap="400">
                {options.languages.map((l) => (
                  <Checkbox
                    key={l}
                    label={fmt.language(l)}
                    checked={l === "en" || state.languages.includes(l)}
                    disabled={l === "en"}
                    onChange={(on) => setState((s) => ({ ...s, languages: on ? [...s.languages, l] : s.languages.filter((x) => x !== l) }))}
                  />
                ))}
              </InlineStack>
            </fieldset>
            {/* Plain repeated fields, outside Polaris' inputs (English is always listened to). */}
            {state.languages.map((l) => (
              <input key={l} type="hidden" name="triggers.languages" value={l} />
            ))}
          </Box>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="vip" title="Priority customers" description="VIP cases get a higher priority. Set a rule to 0 to turn it off.">
        <Card>
          <FormLayout>
            {check("triggers.vip.enabled", "Treat VIP customers as a priority")}
            {text("triggers.vip.tags", { helpText: "Customer tags, separated by commas." })}
            <FormLayout.Group>
              {text("triggers.vip.minTotalSpent", { ...money, label: "Total spent at least" })}
              {text("triggers.vip.minOrderCount", { type: "number", min: 0, label: "Orders at least" })}
            </FormLayout.Group>
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
    </>
  );
}

export function AssistantTab(api: SettingsFormApi) {
  const { text, check, keep } = useFields(api);
  const { llmConfigured } = useAdminLayout();
  const { state, setState, errors, options } = api;
  return (
    <>
      <Layout.AnnotatedSection id="assistant" title="Assistant" description="How the chat introduces itself and talks to shoppers.">
        <Card>
          <FormLayout>
            {text("assistant.name", { maxLength: 40, showCharacterCount: true })}
            {text("assistant.greeting", { multiline: 2, maxLength: 300, showCharacterCount: true })}
            <Select
              label="Tone"
              name="assistant.tone"
              id={fieldDomId("assistant.tone")}
              options={options.tones.map((t) => ({ label: t[0]!.toUpperCase() + t.slice(1), value: t }))}
              value={state.values["assistant.tone"]}
              onChange={(v) => setState((s) => ({ ...s, values: { ...s.values, "assistant.tone": v } }))}
              error={errors["assistant.tone"]}
            />
            {llmConfigured ? (
              check("assistant.llmEnabled", "Use the language model", "Off: the built-in assistant answers (greetings, order status, policies, escalation).")
            ) : (
              <>
                {keep("assistant.llmEnabled")}
                <Text as="p" tone="subdued">
                  The built-in assistant answers greetings, order status, policies and hand-overs. Options for a language model appear once your app host
                  configures one.
                </Text>
              </>
            )}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection
        id="contact"
        title="Contact options"
        description={
          "Shown to shoppers when no escalation email can be sent: " +
          "on the Free plan, when the allowance is used up, or when they prefer not to give an email."
        }
      >
        <Card>
          <FormLayout>
            {text("contact.email", { type: "email" })}
            {text("contact.phone", { type: "tel" })}
            {text("contact.url", { type: "url", placeholder: "https://yourstore.com/pages/contact" })}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
    </>
  );
}

export function AdvancedTab(api: SettingsFormApi) {
  const { text, keep } = useFields(api);
  const { llmConfigured } = useAdminLayout();
  const percent = { type: "number" as const, min: 0, max: 100, suffix: "%" };
  return (
    <>
      <Layout.AnnotatedSection
        id="thresholds"
        title="Exact thresholds"
        description={
          "The sensitivity presets set the first three. A conversation scores 0–100% for each signal; " +
          "it escalates when a score reaches its threshold. Lower means sooner."
        }
      >
        <Card>
          <FormLayout>
            {text("triggers.threshold", { ...percent, helpText: "Combined score of all signals. Balanced: 55%." })}
            <FormLayout.Group>
              {text("triggers.negativeSentiment.threshold", { ...percent, helpText: "Balanced: 55%" })}
              {text("triggers.complaint.threshold", { ...percent, helpText: "Balanced: 50%" })}
            </FormLayout.Group>
            {text("triggers.vip.lowerThresholdBy", { ...percent, max: 50, helpText: "VIPs escalate sooner by this much; 0 only raises their priority." })}
            {llmConfigured
              ? text("triggers.repeatedFailure.minModelConfidence", { ...percent, helpText: "Hand over when the language model is less sure than this." })
              : keep("triggers.repeatedFailure.minModelConfidence")}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="retention" title="Data retention" description="Conversations and their cases are deleted this long after the last message.">
        <Card>{text("retentionDays", { type: "number", min: 1, max: 3650, suffix: "days", helpText: "1 to 3,650 days" })}</Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection
        id="abuse"
        title="Abuse limits"
        description={
          "Stop one visitor from flooding your team. " +
          "Past a limit the shopper sees your contact details and the case is marked limited for abuse; " +
          "it does not use your plan's allowance. " +
          "Signed-in shoppers and shoppers who proved an order are not limited by address and get four times the email limit."
        }
      >
        <Card>
          <FormLayout>
            <FormLayout.Group>
              {text("abuse.newCasesPerAddressPerHour", { type: "number", min: 1, max: 1000, helpText: "Default 10" })}
              {text("abuse.newCasesPerReplyToPerDay", { type: "number", min: 1, max: 1000, helpText: "Default 5" })}
            </FormLayout.Group>
            {text("abuse.followUpsPerCasePerDay", { type: "number", min: 1, max: 1000, helpText: "Default 10; later messages wait for the next day's email" })}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
    </>
  );
}
