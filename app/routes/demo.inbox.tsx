import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { readDemoInbox, sendDemoTeamReply } from "~/demo/demo-inbox.server";
import { inboundConfig } from "~/email/inbound/inbound-config.server";
import { readForm } from "~/platform/http.server";
import { appConfig } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Demo inbox — Baton" }];

// Demo only: what the support team's inbox received from the demo's local SMTP server.
export async function loader(_args: LoaderFunctionArgs) {
  const inboxDir = appConfig.demo?.inboxDir;
  if (!inboxDir) throw new Response("Not found", { status: 404 });
  return { emails: await readDemoInbox(inboxDir), inboundDomain: inboundConfig().domain };
}

// The team's "Reply": through the inbound SMTP listener, as a real reply to the case address would arrive.
export async function action({ request }: ActionFunctionArgs) {
  const inboxDir = appConfig.demo?.inboxDir;
  const { smtpPort, domain } = inboundConfig();
  if (!inboxDir || !smtpPort || !domain) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const text = String(form.get("text") ?? "").trim();
  if (!text) return { file: String(form.get("file")), sent: false, error: "Write a reply first." };
  try {
    const to = await sendDemoTeamReply({ dir: inboxDir, file: String(form.get("file") ?? ""), text, listenerPort: smtpPort, inboundDomain: domain });
    return { file: String(form.get("file")), sent: to.length > 0, error: to.length ? null : "This email has no case address to reply to." };
  } catch (error) {
    return { file: String(form.get("file")), sent: false, error: (error as Error).message };
  }
}

export default function DemoInbox() {
  const { emails, inboundDomain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  useEffect(() => {
    // New escalations appear without a manual reload.
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 3000);
    return () => clearInterval(timer);
  }, [revalidator]);

  return (
    <main style={{ font: "15px/1.5 system-ui, sans-serif", maxWidth: 980, margin: "0 auto", padding: 24 }}>
      <h1 style={{ marginBottom: 4 }}>Support inbox (demo)</h1>
      <p style={{ color: "#555", marginTop: 0 }}>
        Every email the demo's local SMTP server received, as the merchant's support team sees it. <a href="/">Back to the store</a>
      </p>
      {emails.length === 0 ? (
        <p data-testid="inbox-empty">No emails yet. Ask the chat for a person to see an escalation arrive here.</p>
      ) : (
        <ol style={{ listStyle: "none", padding: 0 }} data-testid="inbox-list">
          {emails.map((m) => (
            <li key={m.file} data-testid="inbox-email" style={{ border: "1px solid #ddd", borderRadius: 8, margin: "16px 0", background: "#fff" }}>
              <details open={emails[0]?.file === m.file}>
                <summary style={{ padding: 12, cursor: "pointer" }}>
                  <strong data-testid="inbox-subject">{m.subject}</strong>
                  <span style={{ color: "#666" }}> — {new Date(m.receivedAt).toUTCString()}</span>
                </summary>
                <dl style={{ display: "grid", gridTemplateColumns: "120px 1fr", gap: "2px 12px", padding: "0 12px", margin: 0 }}>
                  <dt>From</dt>
                  <dd>{m.from}</dd>
                  <dt>To</dt>
                  <dd>{m.to}</dd>
                  {m.cc ? (
                    <>
                      <dt>Cc</dt>
                      <dd>{m.cc}</dd>
                    </>
                  ) : null}
                  <dt>Reply-To</dt>
                  <dd data-testid="inbox-reply-to">{m.replyTo}</dd>
                  <dt>Message-ID</dt>
                  <dd>
                    <code>{m.messageId}</code>
                  </dd>
                  {m.inReplyTo ? (
                    <>
                      <dt>In-Reply-To</dt>
                      <dd>
                        <code>{m.inReplyTo}</code>
                      </dd>
                    </>
                  ) : null}
                </dl>
                {m.html ? (
                  // The email's own HTML, isolated: no scripts, no same-origin access.
                  <iframe
                    title={`Email: ${m.subject}`}
                    sandbox=""
                    srcDoc={m.html}
                    style={{ width: "100%", height: 640, border: 0, borderTop: "1px solid #eee" }}
                  />
                ) : (
                  <pre style={{ whiteSpace: "pre-wrap", padding: 12 }}>{m.text}</pre>
                )}
                {inboundDomain && m.replyTo.toLowerCase().includes(`@${inboundDomain}`) ? (
                  <Form method="post" style={{ padding: 12, borderTop: "1px solid #eee" }} data-testid="inbox-reply">
                    <input type="hidden" name="file" value={m.file} />
                    <label htmlFor={`reply-${m.file}`} style={{ display: "block", fontWeight: 600 }}>
                      Reply as the support team (to {m.replyTo})
                    </label>
                    <textarea id={`reply-${m.file}`} name="text" rows={3} style={{ width: "100%", font: "inherit" }} />
                    <button type="submit" disabled={navigation.state !== "idle"}>
                      Send reply
                    </button>
                    {result?.file === m.file ? (
                      <p role="status" data-testid="inbox-reply-result">
                        {result.sent ? "Sent. The shopper sees it in the chat." : result.error}
                      </p>
                    ) : null}
                  </Form>
                ) : null}
              </details>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
