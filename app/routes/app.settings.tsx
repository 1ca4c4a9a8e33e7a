import { prefillEmptyRecipient } from "~/shopify.server";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Box, Card, Layout, Link, Page, Tabs, Text } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { db } from "~/db.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { SETTINGS_OPTIONS, loadSettings, saveSettingsForm, type FieldErrors, type SettingsDocuments } from "~/admin/settings.server";
import { useAdminLayout, useAdminUi, useT } from "~/admin/admin-ui";
import { SETTINGS_TABS, fieldDomId, fieldLabel, fieldMeta, type SettingsTab } from "~/admin/settings-fields";
import { isDirty, toFormState, type SettingsFormState } from "~/admin/settings-form-state";
import { AdvancedTab, AssistantTab, EscalationsTab, TriggersTab, type SettingsFormApi } from "~/admin/settings-tabs";
import { UnsavedChangesBar } from "~/admin/unsaved-changes";
import { readForm } from "~/platform/http.server";
import { widgetWordsFor } from "~/admin/widget-words";
import { publishWidgetWords } from "~/admin/widget-words.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, admin } = await requireAdmin(request);
  if (admin) await prefillEmptyRecipient(shop, admin);
  const settings = await loadSettings(db(), shop);
  if (!settings) throw new Response("Shop not found", { status: 404 });
  const row = await db().shop.findUnique({ where: { domain: shop }, select: { name: true } });
  return { settings, options: SETTINGS_OPTIONS, shopName: row?.name ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop, admin } = await requireAdmin(request);
  const result = await saveSettingsForm(db(), shop, await readForm(request));
  if (!result.ok) return data({ ok: false as const, errors: result.errors, at: Date.now() }, { status: 400 });
  // The storefront reads the widget's words from an app-data metafield: write it on every save
  // (the demo's storefront reads the database itself, as the metafield would hold it).
  const published = admin ? await publishWidgetWords(admin, shop, widgetWordsFor(result.settings.assistant, result.settings.widget)) : true;
  return { ok: true as const, errors: {} as FieldErrors, at: Date.now(), published };
}

export default function Settings() {
  const { settings, options, shopName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { toast } = useAdminUi();
  const t = useT();
  const { format } = useAdminLayout();
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
      toast(result.published ? t.settings.saved : t.widgetWords.notPublished, { error: !result.published });
    } else {
      const n = Object.keys(result.errors).length;
      toast(t.settings.notSaved(n), { error: true });
      const first = Object.keys(result.errors)[0];
      if (first) setTab(fieldMeta(first).tab);
      summaryRef.current?.focus();
    }
  }, [result, toast, t]);

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
  const errorsByTab = (tab: SettingsTab) => errorEntries.filter(([f]) => fieldMeta(f).tab === tab).length;

  return (
    <Page title={t.settings.title} subtitle={t.settings.subtitle} backAction={{ content: t.nav.home, url: "/app" }}>
      <UnsavedChangesBar dirty={dirty} saving={saving} onSave={save} onDiscard={discard} />
      <Form method="post" noValidate ref={formRef} onSubmit={() => (submitted.current = state)}>
        <input type="hidden" name="locale" value={format.locale} />
        <BlockStack gap="400">
          {errorEntries.length > 0 ? (
            <div ref={summaryRef} tabIndex={-1} style={{ outline: "none" }}>
              <Banner tone="critical" title={t.settings.nothingSaved(errorEntries.length)}>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {errorEntries.map(([field, message]) => (
                    <li key={field}>
                      <Link onClick={() => goTo(field)}>{fieldLabel(t, field)}</Link>: {message}
                    </li>
                  ))}
                </ul>
              </Banner>
            </div>
          ) : null}
          <Card padding="0">
            <Tabs
              tabs={SETTINGS_TABS.map((tab) => ({
                id: `tab-${tab.id}`,
                content: t.settings.tabs[tab.id],
                panelID: `panel-${tab.id}`,
                ...(errorsByTab(tab.id)
                  ? { badge: String(errorsByTab(tab.id)), accessibilityLabel: t.settings.tabErrors(t.settings.tabs[tab.id], errorsByTab(tab.id)) }
                  : {}),
              }))}
              selected={SETTINGS_TABS.findIndex((t) => t.id === tab)}
              onSelect={(i) => setTab(SETTINGS_TABS[i]!.id)}
            />
          </Card>
          {/* Every panel stays in the form (hidden, not unmounted) so one Save submits all settings. */}
          {SETTINGS_TABS.map((p) => (
            <div key={p.id} id={`panel-${p.id}`} role="tabpanel" aria-labelledby={`tab-${p.id}`} hidden={tab !== p.id}>
              <Layout>
                {p.id === "escalations" ? <EscalationsTab {...api} /> : null}
                {p.id === "triggers" ? <TriggersTab {...api} onShowAdvanced={() => setTab("advanced")} /> : null}
                {p.id === "assistant" ? <AssistantTab {...api} shopName={shopName} /> : null}
                {p.id === "advanced" ? <AdvancedTab {...api} /> : null}
              </Layout>
            </div>
          ))}
          <Box paddingBlockEnd="800">
            <Text as="p" tone="subdued" alignment="center">
              {t.settings.applyNote}
            </Text>
          </Box>
        </BlockStack>
      </Form>
    </Page>
  );
}
