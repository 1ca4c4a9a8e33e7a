import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, Button, Card, ChoiceList, Page, Text, TextField } from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { db } from "~/db.server";
import { useAdminLayout, useAdminUi, useT } from "~/admin/admin-ui";
import { casePageWords } from "~/admin/case-page-i18n";
import { loadTeamReplySettings, saveTeamReplySettings } from "~/admin/case-team-replies.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { AUTHOR_NAME_MODES } from "~/email/inbound/team-reply-settings";
import { inboundConfig } from "~/email/inbound/inbound-config.server";
import { readForm } from "~/platform/http.server";

// Team replies: which mail counts as the team's beside the escalation recipients, and the name the shopper sees.
export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const loaded = await loadTeamReplySettings(db(), shop);
  if (!loaded) throw new Response("Shop not found", { status: 404 });
  return { ...loaded, inboundDomain: inboundConfig().domain };
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const result = await saveTeamReplySettings(db(), shop, await readForm(request));
  if (!result.ok)
    return data({ ok: false as const, invalidDomain: result.invalidDomain, publicMailbox: result.publicMailbox, at: Date.now() }, { status: 400 });
  return { ok: true as const, invalidDomain: null, publicMailbox: false, at: Date.now() };
}

export default function TeamReplySettingsPage() {
  const { settings, recipients, inboundDomain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { toast } = useAdminUi();
  const { format } = useAdminLayout();
  const all = useT();
  const t = casePageWords(format.locale);
  const [domains, setDomains] = useState(settings.teamDomains.join(", "));
  const [authorName, setAuthorName] = useState<string>(settings.authorName);
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (!result || handled.current === result.at) return;
    handled.current = result.at;
    if (result.ok) toast(t.saved);
  }, [result, toast, t]);

  return (
    <Page title={t.teamSettings} backAction={{ content: all.nav.settings, url: "/app/settings" }}>
      <Form method="post">
        <input type="hidden" name="authorName" value={authorName} />
        <BlockStack gap="400">
          <Card>
            <BlockStack gap="300">
              <Text as="p">{t.teamSettingsIntro(inboundDomain)}</Text>
              <Text as="h2" variant="headingSm">
                {t.recipients}
              </Text>
              <Text as="p" tone="subdued">
                {recipients.join(", ") || "—"}
              </Text>
              <TextField
                label={t.teamDomains}
                name="teamDomains"
                value={domains}
                onChange={setDomains}
                helpText={t.teamDomainsHelp}
                autoComplete="off"
                error={
                  result && !result.ok && result.invalidDomain
                    ? (result.publicMailbox ? t.publicMailboxDomain : t.invalidDomain)(result.invalidDomain)
                    : undefined
                }
              />
              <ChoiceList
                title={t.authorName}
                choices={AUTHOR_NAME_MODES.map((m) => ({ label: t.authorNames[m] ?? m, value: m }))}
                selected={[authorName]}
                onChange={(v) => setAuthorName(v[0] ?? "first_name")}
              />
            </BlockStack>
          </Card>
          <div>
            <Button submit variant="primary" loading={navigation.state === "submitting"}>
              {t.save}
            </Button>
          </div>
        </BlockStack>
      </Form>
    </Page>
  );
}
