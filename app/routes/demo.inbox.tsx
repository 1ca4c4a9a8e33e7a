import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { readDemoInbox } from "~/demo/demo-inbox.server";
import { appConfig } from "~/shopify.server";

export const meta: MetaFunction = () => [{ title: "Demo inbox — Baton" }];

// Demo only: what the support team's inbox received from the demo's local SMTP server.
export async function loader(_args: LoaderFunctionArgs) {
  const inboxDir = appConfig.demo?.inboxDir;
  if (!inboxDir) throw new Response("Not found", { status: 404 });
  return { emails: await readDemoInbox(inboxDir) };
}

export default function DemoInbox() {
  const { emails } = useLoaderData<typeof loader>();
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
              </details>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
