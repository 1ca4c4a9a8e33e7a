import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Box, Card, Layout, Link, Page, Tabs, Text } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { db } from "~/db.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { SETTINGS_OPTIONS, loadSettings, saveSettingsForm, type FieldErrors, type SettingsDocuments } from "~/admin/settings.server";
import { useAdminUi } from "~/admin/admin-ui";
import { SETTINGS_TABS, fieldDomId, fieldMeta, type SettingsTab } from "~/admin/settings-fields";
import { isDirty, toFormState, type SettingsFormState } from "~/admin/settings-form-state";
import { AdvancedTab, AssistantTab, EscalationsTab, TriggersTab, type SettingsFormApi } from "~/admin/settings-tabs";
import { UnsavedChangesBar } from "~/admin/unsaved-changes";
import { readForm } from "~/platform/http.server";
import { prefillEmptyRecipient } from "~/shopify/shop-profile.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, admin } = await requireAdmin(request);
  if (admin) await prefillEmptyRecipient(db(), shop, admin);
  const settings = await loadSettings(db(), shop);
  if (!settings) throw new Response("Shop not found", { status: 404 });
  return { settings, options: SETTINGS_OPTIONS };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const result = await saveSettingsForm(db(), shop, await readForm(request));
  if (!result.ok) return data({ ok: false as const, errors: result.errors, at: Date.now() }, { status: 400 });
  return { ok: true as const, errors: {} as FieldErrors, at: Date.now() };
}

export default function Settings() {
  const { settings, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { toast } = useAdminUi();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [saved, setSaved] = useState<SettingsFormState>(() => toFormState(settings as SettingsDocuments));
  const [state, setState] = useState<SettingsFormState>(saved);
  const [tab, setTab] = useState<SettingsTab>("escalations");
  const saving = navigation.state === "submitting" && navigation.formMethod?.toLowerCase() === "post";
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  const dirty = isDirty(state, saved);

  // One reaction per save: a toast, and on failure the summary gets focus (it is at the top).
  const handled = useRef<number | null>(null);
  const submitted = useRef<SettingsFormState | null>(null);
  useEffect(() => {
    if (!result || handled.current === result.at) return;
    handled.current = result.at;
    if (result.ok) {
      if (submitted.current) setSaved(submitted.current);
      toast("Settings saved");
    } else {
      const n = Object.keys(result.errors).length;
      toast(`Settings not saved: ${n} field${n === 1 ? " needs" : "s need"} attention`, { error: true });
      const first = Object.keys(result.errors)[0];
      if (first) setTab(fieldMeta(first).tab);
      summaryRef.current?.focus();
    }
  }, [result, toast]);

  const save = () => {
    if (!formRef.current) return;
    submitted.current = state;
    submit(formRef.current, { method: "post" });
  };
  const discard = () => setState(saved);
  const goTo = (field: string) => {
    setTab(fieldMeta(field).tab);
    // The panel renders first, then the field can take focus.
    requestAnimationFrame(() => document.getElementById(fieldDomId(field))?.focus());
  };

  const api: SettingsFormApi = { state, setState, errors, options };
  const errorEntries = Object.entries(errors);
  const errorsByTab = (t: SettingsTab) => errorEntries.filter(([f]) => fieldMeta(f).tab === t).length;

  return (
    <Page title="Settings" subtitle="Where escalations go, when the assistant hands over, and how it talks." backAction={{ content: "Home", url: "/app" }}>
      <UnsavedChangesBar dirty={dirty} saving={saving} onSave={save} onDiscard={discard} />
      <Form method="post" noValidate ref={formRef} onSubmit={() => (submitted.current = state)}>
        <BlockStack gap="400">
          {errorEntries.length > 0 ? (
            <div ref={summaryRef} tabIndex={-1} style={{ outline: "none" }}>
              <Banner tone="critical" title={`Nothing was saved: ${errorEntries.length} field${errorEntries.length === 1 ? " needs" : "s need"} attention`}>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {errorEntries.map(([field, message]) => (
                    <li key={field}>
                      <Link onClick={() => goTo(field)}>{fieldMeta(field).label}</Link>: {message}
                    </li>
                  ))}
                </ul>
              </Banner>
            </div>
          ) : null}
          <Card padding="0">
            <Tabs
              tabs={SETTINGS_TABS.map((t) => ({
                id: `tab-${t.id}`,
                content: t.title,
                panelID: `panel-${t.id}`,
                ...(errorsByTab(t.id) ? { badge: String(errorsByTab(t.id)), accessibilityLabel: `${t.title}, ${errorsByTab(t.id)} with errors` } : {}),
              }))}
              selected={SETTINGS_TABS.findIndex((t) => t.id === tab)}
              onSelect={(i) => setTab(SETTINGS_TABS[i]!.id)}
            />
          </Card>
          {/* Every panel stays in the form (hidden, not unmounted) so one Save submits all settings. */}
          {SETTINGS_TABS.map((t) => (
            <div key={t.id} id={`panel-${t.id}`} role="tabpanel" aria-labelledby={`tab-${t.id}`} hidden={tab !== t.id}>
              <Layout>
                {t.id === "escalations" ? <EscalationsTab {...api} /> : null}
                {t.id === "triggers" ? <TriggersTab {...api} onShowAdvanced={() => setTab("advanced")} /> : null}
                {t.id === "assistant" ? <AssistantTab {...api} /> : null}
                {t.id === "advanced" ? <AdvancedTab {...api} /> : null}
              </Layout>
            </div>
          ))}
          <Box paddingBlockEnd="800">
            <Text as="p" tone="subdued" alignment="center">
              Changes apply to your storefront chat as soon as you save.
            </Text>
          </Box>
        </BlockStack>
      </Form>
    </Page>
  );
}
