import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, DataTable, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { db } from "~/db.server";
import { requireAdmin } from "~/admin/require-admin.server";
import { getCaseDetail, resendCaseEmail } from "~/admin/cases.server";
import { kickOutbox } from "~/platform/runtime.server";
import { readForm } from "~/platform/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const detail = await getCaseDetail(db(), shop, params.id ?? "");
  if (!detail) throw new Response("Case not found", { status: 404 });
  return { detail };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await readForm(request);
  if (form.get("intent") !== "resend") return data({ ok: false as const, error: "Unknown action" }, { status: 400 });
  const result = await resendCaseEmail(db(), shop, params.id ?? "", String(form.get("outboxId") ?? ""), new Date());
  if (!result.ok) {
    return result.reason === "not_found"
      ? data({ ok: false as const, error: "Email not found" }, { status: 404 })
      : data({ ok: false as const, error: "This email is already queued or being sent" }, { status: 409 });
  }
  kickOutbox();
  return { ok: true as const, outboxId: result.row.id };
}

type Detail = ReturnType<typeof useLoaderData<typeof loader>>["detail"];

function Facts({ title, value }: { title: string; value: unknown }) {
  if (!value || typeof value !== "object") return null;
  const rows = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        <DataTable columnContentTypes={["text", "text"]} headings={["Field", "Value"]} rows={rows} />
      </BlockStack>
    </Card>
  );
}

function EmailCard({ email, canResend }: { email: Detail["emails"][number]; canResend: boolean }) {
  const navigation = useNavigation();
  const resending = navigation.state !== "idle" && navigation.formData?.get("outboxId") === email.id;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {email.kind === "case" ? "Escalation email" : "Follow-up email"}
          </Text>
          <InlineStack gap="200" blockAlign="center">
            <Badge tone={email.status === "sent" ? "success" : email.status === "failed" ? "critical" : "attention"}>{email.status}</Badge>
            {canResend ? (
              <Form method="post">
                <input type="hidden" name="intent" value="resend" />
                <input type="hidden" name="outboxId" value={email.id} />
                <Button submit loading={resending} disabled={email.status === "pending" || email.status === "sending"}>
                  Resend
                </Button>
              </Form>
            ) : null}
          </InlineStack>
        </InlineStack>
        <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "4px 12px", margin: 0 }}>
          <dt>Subject</dt>
          <dd style={{ margin: 0 }} data-testid="email-subject">
            {email.subject}
          </dd>
          <dt>From</dt>
          <dd style={{ margin: 0 }}>{email.from}</dd>
          <dt>To</dt>
          <dd style={{ margin: 0 }}>{email.to.join(", ")}</dd>
          {email.cc.length ? (
            <>
              <dt>CC</dt>
              <dd style={{ margin: 0 }}>{email.cc.join(", ")}</dd>
            </>
          ) : null}
          <dt>Reply-To</dt>
          <dd style={{ margin: 0 }}>{email.replyTo ?? "—"}</dd>
          <dt>Message-ID</dt>
          <dd style={{ margin: 0 }}>
            <code>{email.messageId}</code>
          </dd>
        </dl>
        <details>
          <summary>Text part</summary>
          <pre style={{ whiteSpace: "pre-wrap", fontSize: 12, maxHeight: 400, overflow: "auto" }}>{email.text}</pre>
        </details>
        <details open>
          <summary>HTML part</summary>
          {/* sandbox="" : no scripts, no same-origin, no forms, no top navigation (shopper text is inside). */}
          <iframe title={`HTML of ${email.subject}`} sandbox="" srcDoc={email.html} style={{ width: "100%", height: 480, border: "1px solid #ddd", borderRadius: 6 }} />
        </details>
        <Text as="h4" variant="headingSm">
          Delivery attempts ({email.attemptLog.length})
        </Text>
        {email.attemptLog.length ? (
          <DataTable
            columnContentTypes={["text", "text", "text", "numeric"]}
            headings={["At", "Result", "Server response / error", "ms"]}
            rows={email.attemptLog.map((a) => [a.at.replace("T", " ").slice(0, 19), a.ok ? "accepted" : "failed", (a.ok ? a.response : a.error) ?? "", a.durationMs])}
          />
        ) : (
          <Text as="p" tone="subdued">
            No attempt yet.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

export default function CaseDetailPage() {
  const { detail: c } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const inFlight = c.emails.some((e) => e.status === "pending" || e.status === "sending");
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [inFlight, revalidator]);

  return (
    <Page
      title={c.orderName ? `Case — Order ${c.orderName}` : "Case"}
      subtitle={`${c.shopperEmail ?? "no email given"} · ${c.createdAt.replace("T", " ").slice(0, 16)} UTC`}
      backAction={{ content: "Cases", url: "/app/cases" }}
      titleMetadata={
        <InlineStack gap="100">
          <Badge tone={c.status === "sent" ? "success" : c.status === "failed" ? "critical" : "attention"}>{c.status}</Badge>
          <Badge tone={c.priority === "urgent" ? "critical" : c.priority === "high" ? "warning" : "info"}>{c.priority}</Badge>
        </InlineStack>
      }
    >
      <Layout>
        {result ? (
          <Layout.Section>
            {result.ok ? <Banner tone="success" title="Email queued again with the same Message-ID" /> : <Banner tone="critical" title={result.error} />}
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Why it was escalated
                </Text>
                <Text as="p">{c.reasonText}</Text>
                <InlineStack gap="100">
                  {c.reasons.map((r) => (
                    <Badge key={r.code}>{r.label}</Badge>
                  ))}
                </InlineStack>
                <Text as="p" tone="subdued">
                  Topic: {c.topic ?? "—"} · confidence {Math.round(c.confidence * 100)}%
                </Text>
                <Text as="p">{c.summary}</Text>
                <Text as="h3" variant="headingSm">
                  Signals fired
                </Text>
                {c.signals.length ? (
                  <DataTable
                    columnContentTypes={["text", "numeric", "text"]}
                    headings={["Signal", "Score", "Evidence"]}
                    rows={c.signals.map((s) => [s.reason, s.score === null ? "—" : s.score.toFixed(2), s.evidence])}
                  />
                ) : (
                  <Text as="p" tone="subdued">
                    None recorded.
                  </Text>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Transcript
                </Text>
                <ol style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label="Transcript">
                  {c.transcript.map((m) => (
                    <li key={m.id} style={{ padding: "6px 0", borderBottom: "1px solid #f0f0f0" }}>
                      <Box>
                        <Text as="span" fontWeight="semibold">
                          {m.role === "assistant" ? "Assistant" : "Shopper"}
                        </Text>{" "}
                        <Text as="span" tone="subdued">
                          {m.at.replace("T", " ").slice(0, 19)}
                        </Text>
                        <p style={{ margin: "2px 0 0", whiteSpace: "pre-wrap" }}>{m.text}</p>
                      </Box>
                    </li>
                  ))}
                </ol>
              </BlockStack>
            </Card>
            {c.emails.length ? (
              c.emails.map((e) => <EmailCard key={e.id} email={e} canResend />)
            ) : (
              <Card>
                <Text as="p">No email was sent for this case ({c.status === "limited" ? "plan allowance used up" : c.status === "limited_abuse" ? "limited for abuse: too many new cases from one address" : c.status}).</Text>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Facts title="Order" value={c.orderFacts} />
            <Facts title="Customer" value={c.customerFacts} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
