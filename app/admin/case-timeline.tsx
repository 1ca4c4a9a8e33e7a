import { Form, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, InlineStack, Link, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useAdminLayout, useFormatters, useT } from "./admin-ui";
import { EmailCard } from "./case-cards";
import { casePageWords } from "./case-page-i18n";
import type { CaseDetail } from "./cases.server";
import type { TimelineEntry } from "./case-timeline.server";
import { EMAIL_STATUS_TONE } from "./labels";

function useWords() {
  return casePageWords(useAdminLayout().format.locale);
}

/** Every message of the case from every side, once: the chat, the team's replies, refused email (admin only). */
export function CaseTimeline({ entries, shopperName }: { entries: TimelineEntry[]; shopperName: string | null }) {
  const t = useWords();
  const fmt = useFormatters();
  const who = (e: TimelineEntry) =>
    e.kind === "chat"
      ? e.role === "assistant"
        ? t.assistant
        : (shopperName ?? t.shopper)
      : e.kind === "team"
        ? e.source === "admin"
          ? t.teamFromAdmin
          : t.teamByEmail(e.author ?? e.authorEmail ?? t.team)
        : t.refused;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t.timeline}
        </Text>
        <Text as="p" tone="subdued">
          {t.timelineHint} <Link url="/app/settings/team-replies">{t.teamSettingsLink}</Link>
        </Text>
        <ol style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label={t.timeline} data-testid="case-timeline">
          {entries.map((e) => (
            <li
              key={`${e.kind}-${e.id}`}
              data-entry={e.kind}
              style={{
                padding: "8px",
                borderBottom: "1px solid #f0f0f0",
                background: e.kind === "team" ? "#f1f8f5" : e.kind === "refused" ? "#fff4f4" : undefined,
              }}
            >
              <InlineStack gap="200" blockAlign="baseline">
                <Text as="span" fontWeight="semibold">
                  {who(e)}
                </Text>
                <Text as="span" tone="subdued" variant="bodySm">
                  {fmt.dateTime(e.at)}
                </Text>
                {e.kind !== "chat" && e.auth ? (
                  <Text as="span" tone="subdued" variant="bodySm">
                    {e.auth}
                  </Text>
                ) : null}
              </InlineStack>
              {e.kind === "refused" ? (
                <BlockStack gap="100">
                  <InlineStack gap="100">
                    <Badge tone="critical">{t.reasons[e.reason] ?? e.reason}</Badge>
                  </InlineStack>
                  <Text as="p" tone="subdued">
                    {[e.from ? t.refusedFrom(e.from) : null, e.subject].filter(Boolean).join(" · ")}
                  </Text>
                  {e.excerpt ? <p style={{ margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere", color: "#555" }}>{e.excerpt}</p> : null}
                </BlockStack>
              ) : (
                <p style={{ margin: "2px 0 0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{e.text}</p>
              )}
            </li>
          ))}
        </ol>
      </BlockStack>
    </Card>
  );
}

const LANGUAGES = [
  { label: "English", value: "en" },
  { label: "Español", value: "es" },
  { label: "Français", value: "fr" },
  { label: "Deutsch", value: "de" },
];

/** The reply box: emails the shopper and shows the reply in their chat. */
export function CaseReplyCard({ defaultLanguage, error }: { defaultLanguage: string; error: string | null }) {
  const t = useWords();
  const navigation = useNavigation();
  const [text, setText] = useState("");
  const [language, setLanguage] = useState(defaultLanguage);
  const sending = navigation.state !== "idle" && navigation.formData?.get("intent") === "reply";
  return (
    <Card>
      <Form method="post" onSubmit={() => setTimeout(() => setText(""), 0)}>
        <input type="hidden" name="intent" value="reply" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t.replyTitle}
          </Text>
          <Text as="p" tone="subdued">
            {t.replyHelp}
          </Text>
          <TextField
            label={t.replyLabel}
            name="text"
            value={text}
            onChange={setText}
            multiline={4}
            maxLength={4000}
            autoComplete="off"
            error={error ?? undefined}
          />
          <InlineStack gap="300" blockAlign="end" align="space-between">
            <Select label={t.language} name="language" options={LANGUAGES} value={language} onChange={setLanguage} />
            <Button submit variant="primary" loading={sending} disabled={!text.trim()}>
              {t.send}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

/**
 * The emails of the case, folded: the case email repeats the transcript the timeline already shows,
 * so each email opens on request (rendered only then).
 */
export function CaseEmails({ emails }: { emails: CaseDetail["emails"] }) {
  const t = useWords();
  const statusLabels = useT().labels.emailStatus;
  const fmt = useFormatters();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <BlockStack gap="200">
      <Text as="h2" variant="headingMd">
        {t.emails(emails.length)}
      </Text>
      {emails.map((e) =>
        open === e.id ? (
          <BlockStack key={e.id} gap="100">
            <InlineStack>
              <Button variant="plain" onClick={() => setOpen(null)} ariaExpanded>
                {t.hideEmail}
              </Button>
            </InlineStack>
            <EmailCard email={e} />
          </BlockStack>
        ) : (
          <Card key={e.id}>
            <InlineStack align="space-between" blockAlign="center" gap="200">
              <BlockStack gap="050">
                <Text as="h3" variant="headingSm">
                  {t.emailKinds[e.kind] ?? e.kind}
                </Text>
                <Text as="p" tone="subdued" variant="bodySm">
                  {[e.subject, fmt.dateTime(e.sentAt ?? e.createdAt)].join(" · ")}
                </Text>
              </BlockStack>
              <InlineStack gap="200" blockAlign="center">
                <span data-email-status={e.status}>
                  <Badge tone={EMAIL_STATUS_TONE[e.status]}>{statusLabels[e.status] ?? e.status}</Badge>
                </span>
                <Button onClick={() => setOpen(e.id)} ariaExpanded={false}>
                  {t.showEmail}
                </Button>
              </InlineStack>
            </InlineStack>
          </Card>
        ),
      )}
    </BlockStack>
  );
}
