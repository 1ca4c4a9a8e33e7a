import { BlockStack, Box, Button, Checkbox, ChoiceList, FormLayout, InlineGrid, InlineStack, Layout, Card, Select, Text, TextField } from "@shopify/polaris";
import type { ComponentProps, Dispatch, SetStateAction } from "react";
import { SENSITIVITY_PRESETS, type SensitivityPreset } from "~/domain/escalation/sensitivity";
import { LANGUAGES } from "~/domain/conversation/language";
import { useAdminLayout, useFormatters, useT } from "./admin-ui";
import { PrivacySection } from "./privacy-section";
import { WidgetPreview } from "./widget-preview";
import { fieldDomId, fieldLabel } from "./settings-fields";
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
  const t = useT();
  const text = (name: string, extra: TextProps = {}) => (
    <TextField
      label={fieldLabel(t, name)}
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
  const all = useT();
  const t = all.escalations;
  const optionLabels = {
    reasons: options.reasons.map((o) => ({ value: o.value, label: all.reasons[o.value] ?? o.label })),
    topics: options.topics.map((o) => ({ value: o.value, label: all.topics[o.value] ?? o.label })),
    priorities: options.priorities.map((o) => ({ value: o.value, label: t.orHigher(all.priorities[o.value] ?? o.value) })),
  };
  const setRoute = (i: number, field: keyof RouteRow, v: string) =>
    setState((s) => ({ ...s, routes: s.routes.map((r, j) => (j === i ? { ...r, [field]: v } : r)) }));
  return (
    <>
      <Layout.AnnotatedSection id="addresses" title={t.addressesTitle} description={t.addressesDescription}>
        <Card>
          <FormLayout>
            {text("routing.defaultTo", { helpText: t.defaultToHelp, placeholder: "support@yourstore.com" })}
            {text("routing.ccUrgent", { helpText: t.ccUrgentHelp })}
            {text("routing.fromName", { helpText: t.fromNameHelp })}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="routes" title={t.routesTitle} description={t.routesDescription}>
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
                      {t.rule(i + 1)}
                    </Text>
                    <Button
                      variant="plain"
                      tone="critical"
                      onClick={() => setState((s) => ({ ...s, routes: s.routes.filter((_, j) => j !== i) }))}
                      accessibilityLabel={t.removeRule(i + 1)}
                    >
                      {all.common.remove}
                    </Button>
                  </InlineStack>
                  <input type="hidden" name={`routing.routes.${i}.id`} value={r.id || `route-${i + 1}`} />
                  <InlineGrid columns={{ xs: 1, sm: 3 }} gap="200">
                    {(["reason", "topic", "priority"] as const).map((field) => (
                      <Select
                        key={field}
                        label={all.routeFields[field]!}
                        id={fieldDomId(`routing.routes.${i}.${field}`)}
                        name={`routing.routes.${i}.${field}`}
                        options={[
                          { label: all.common.any, value: "" },
                          ...optionLabels[field === "reason" ? "reasons" : field === "topic" ? "topics" : "priorities"],
                        ]}
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
                        label={all.routeFields[field]!}
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
                {t.addRule}
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
      </Layout.AnnotatedSection>
    </>
  );
}

/** The languages the chat's replies, the widget and the case emails speak. */
const SPOKEN: ReadonlySet<string> = new Set(LANGUAGES);

export function TriggersTab(api: SettingsFormApi & { onShowAdvanced(): void }) {
  const { text, check } = useFields(api);
  const { state, setState, options } = api;
  const fmt = useFormatters();
  const all = useT();
  const t = all.triggers;
  const days = all.common.days;
  const money = { type: "number" as const, min: 0, prefix: fmt.currencySymbol(), inputMode: "decimal" as const };
  const preset = presetOfValues(state.values);
  const languageBox = (l: string) => (
    <Checkbox
      key={l}
      label={fmt.language(l)}
      checked={l === "en" || state.languages.includes(l)}
      disabled={l === "en"}
      ariaDescribedBy={SPOKEN.has(l) ? "languages-spoken" : "languages-recognized"}
      onChange={(on) => setState((s) => ({ ...s, languages: on ? [...s.languages, l] : s.languages.filter((x) => x !== l) }))}
    />
  );
  const choices = (Object.entries(SENSITIVITY_PRESETS) as Array<[SensitivityPreset, (typeof SENSITIVITY_PRESETS)[SensitivityPreset]]>).map(([value, p]) => ({
    value,
    label: t.presets[value]?.label ?? p.label,
    helpText: t.presets[value]?.description ?? p.description,
  }));
  if (preset === "custom") choices.push({ value: "custom" as SensitivityPreset, label: t.custom, helpText: t.customHelp });
  return (
    <>
      <Layout.AnnotatedSection id="sensitivity" title={t.sensitivityTitle} description={t.sensitivityDescription}>
        <Card>
          <BlockStack gap="300">
            <ChoiceList
              title={t.sensitivityChoice}
              titleHidden
              choices={choices}
              selected={[preset]}
              onChange={([v]) => v && v !== "custom" && setState((s) => ({ ...s, values: applyPreset(s.values, v as SensitivityPreset) }))}
            />
            <InlineStack>
              <Button variant="plain" onClick={api.onShowAdvanced}>
                {t.fineTune}
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="triggers" title={t.whenTitle} description={t.whenDescription}>
        <Card>
          <FormLayout>
            {check("triggers.explicitRequest.enabled", t.explicitRequest)}
            {check("triggers.negativeSentiment.enabled", t.negativeSentiment)}
            {check("triggers.negativeSentiment.risingFrustration", t.risingFrustration)}
            {check("triggers.complaint.enabled", t.complaint)}
            {check("triggers.threat.enabled", t.threat)}
            {check("triggers.sensitiveTopic.enabled", t.sensitiveTopic)}
            {check("triggers.repeatedFailure.repeatedQuestion", t.repeatedQuestion)}
            <FormLayout.Group condensed>
              {check("triggers.repeatedFailure.enabled", t.repeatedFailure)}
              {text("triggers.repeatedFailure.maxAssistantFailures", { type: "number", min: 1, max: 10, label: t.afterTimes, helpText: t.oneToTen })}
            </FormLayout.Group>
            <FormLayout.Group condensed>
              {check("triggers.orderState.enabled", t.orderState)}
              {text("triggers.orderState.stalledFulfillmentDays", {
                type: "number",
                min: 1,
                max: 90,
                label: t.stalledAfter,
                suffix: days,
                helpText: t.oneToNinety,
              })}
            </FormLayout.Group>
            <FormLayout.Group condensed>
              {check("triggers.authorityLimit.enabled", t.authorityLimit)}
              {text("triggers.authorityLimit.maxRefundAmount", { ...money, helpText: t.zeroNeverPromises })}
            </FormLayout.Group>
            {check("triggers.keyword.enabled", t.keyword)}
            {text("triggers.keywords", { multiline: 3, helpText: t.keywordsHelp })}
          </FormLayout>
          <Box paddingBlockStart="400">
            <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
              <legend style={{ marginBottom: 4 }}>{t.languages}</legend>
              {/* The widget and the emails speak four of the detector's languages; the others are only recognized, and say so. */}
              <BlockStack gap="300">
                <BlockStack gap="100">
                  <InlineStack gap="400">{options.languages.filter((l) => SPOKEN.has(l)).map(languageBox)}</InlineStack>
                  <Text as="p" tone="subdued" id="languages-spoken">
                    {t.languagesSpoken}
                  </Text>
                </BlockStack>
                <BlockStack gap="100">
                  <InlineStack gap="400">{options.languages.filter((l) => !SPOKEN.has(l)).map(languageBox)}</InlineStack>
                  <Text as="p" tone="subdued" id="languages-recognized">
                    {t.languagesRecognized}
                  </Text>
                </BlockStack>
              </BlockStack>
            </fieldset>
            {/* Plain repeated fields, outside Polaris' inputs (English is always listened to). */}
            {state.languages.map((l) => (
              <input key={l} type="hidden" name="triggers.languages" value={l} />
            ))}
          </Box>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="vip" title={t.vipTitle} description={t.vipDescription}>
        <Card>
          <FormLayout>
            {check("triggers.vip.enabled", t.vipEnabled)}
            {text("triggers.vip.tags", { helpText: t.vipTagsHelp })}
            <FormLayout.Group>
              {text("triggers.vip.minTotalSpent", { ...money, label: t.totalSpent })}
              {text("triggers.vip.minOrderCount", { type: "number", min: 0, label: t.ordersAtLeast })}
            </FormLayout.Group>
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
    </>
  );
}

export function AssistantTab(api: SettingsFormApi & { shopName: string }) {
  const { text, check, keep } = useFields(api);
  const { llmConfigured } = useAdminLayout();
  const { state, setState, errors, options } = api;
  const all = useT();
  const t = all.assistant;
  const w = all.widgetWords;
  return (
    <>
      <Layout.AnnotatedSection id="widget-words" title={w.title} description={w.description}>
        <Card>
          <InlineGrid columns={{ xs: 1, md: "3fr 2fr" }} gap="400">
            <FormLayout>
              {text("assistant.name", { maxLength: 40, showCharacterCount: true })}
              {text("assistant.greeting", { multiline: 2, maxLength: 300, showCharacterCount: true, helpText: w.greetingHelp })}
              {text("widget.quickActions", { multiline: 3, helpText: w.quickActionsHelp })}
              {text("widget.replyTime", { maxLength: 80, helpText: w.replyTimeHelp })}
            </FormLayout>
            <WidgetPreview values={state.values} shopName={api.shopName} />
          </InlineGrid>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="assistant" title={t.title} description={t.description}>
        <Card>
          <FormLayout>
            <Select
              label={t.tone}
              name="assistant.tone"
              id={fieldDomId("assistant.tone")}
              options={options.tones.map((tone) => ({ label: t.tones[tone] ?? tone, value: tone }))}
              value={state.values["assistant.tone"]}
              onChange={(v) => setState((s) => ({ ...s, values: { ...s.values, "assistant.tone": v } }))}
              error={errors["assistant.tone"]}
            />
            {llmConfigured ? (
              check("assistant.llmEnabled", t.llm, t.llmHelp)
            ) : (
              <>
                {keep("assistant.llmEnabled")}
                <Text as="p" tone="subdued">
                  {t.llmMissing}
                </Text>
              </>
            )}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="contact" title={t.contactTitle} description={t.contactDescription}>
        <Card>
          <FormLayout>
            {text("contact.email", { type: "email" })}
            {text("contact.phone", { type: "tel" })}
            {text("contact.url", { type: "url", placeholder: "https://yourstore.com/pages/contact" })}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
      <PrivacySection />
    </>
  );
}

export function AdvancedTab(api: SettingsFormApi) {
  const { text, keep } = useFields(api);
  const { llmConfigured } = useAdminLayout();
  const all = useT();
  const t = all.advanced;
  const percent = { type: "number" as const, min: 0, max: 100, suffix: "%" };
  return (
    <>
      <Layout.AnnotatedSection id="thresholds" title={t.thresholdsTitle} description={t.thresholdsDescription}>
        <Card>
          <FormLayout>
            {text("triggers.threshold", { ...percent, helpText: t.combinedHelp })}
            <FormLayout.Group>
              {text("triggers.negativeSentiment.threshold", { ...percent, helpText: t.balanced("55%") })}
              {text("triggers.complaint.threshold", { ...percent, helpText: t.balanced("50%") })}
            </FormLayout.Group>
            {text("triggers.vip.lowerThresholdBy", { ...percent, max: 50, helpText: t.vipLowerHelp })}
            {llmConfigured
              ? text("triggers.repeatedFailure.minModelConfidence", { ...percent, helpText: t.confidenceHelp })
              : keep("triggers.repeatedFailure.minModelConfidence")}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="retention" title={t.retentionTitle} description={t.retentionDescription}>
        <Card>{text("retentionDays", { type: "number", min: 1, max: 3650, suffix: all.common.days, helpText: t.retentionHelp })}</Card>
      </Layout.AnnotatedSection>
      <Layout.AnnotatedSection id="abuse" title={t.abuseTitle} description={t.abuseDescription}>
        <Card>
          <FormLayout>
            <FormLayout.Group>
              {text("abuse.newCasesPerAddressPerHour", { type: "number", min: 1, max: 1000, helpText: t.defaultN(10) })}
              {text("abuse.newCasesPerReplyToPerDay", { type: "number", min: 1, max: 1000, helpText: t.defaultN(5) })}
            </FormLayout.Group>
            {text("abuse.followUpsPerCasePerDay", { type: "number", min: 1, max: 1000, helpText: t.followUpsHelp })}
          </FormLayout>
        </Card>
      </Layout.AnnotatedSection>
    </>
  );
}
