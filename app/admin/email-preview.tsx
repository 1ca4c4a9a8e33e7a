import { useCallback, useEffect, useRef, useState } from "react";

// The exact HTML part of an email, rendered the way the support team's mail client shows it.
// Sandboxed WITHOUT allow-scripts (shopper text is inside; nothing in it can run), but with
// allow-same-origin so this page can measure the document and size the frame to it — a fixed-height
// frame inside a card showed a blank white box whenever the email's body sat below the fold.
// The injected policy stops the email loading anything remote (tracking pixels, fonts) and links
// open in a new tab instead of inside the frame. That tab keeps the sandbox (no
// allow-popups-to-escape-sandbox): a link in shopper text must not open a page that runs scripts
// with the admin's opener.
const GUARD = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"><base target="_blank">`;

/** The email HTML with our guard first in <head> (or in front when there is no head). */
export function guardEmailHtml(html: string): string {
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${GUARD}`) : `${GUARD}${html}`;
}

export function EmailPreview({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(320);
  const measure = useCallback(() => {
    const doc = ref.current?.contentDocument;
    if (doc?.documentElement) setHeight(Math.min(4000, Math.max(120, doc.documentElement.scrollHeight + 4)));
  }, []);
  // The frame may finish loading before React hydrates and attaches onLoad.
  useEffect(() => {
    if (ref.current?.contentDocument?.readyState === "complete") measure();
  }, [html, measure]);
  return (
    <iframe
      ref={ref}
      title={title}
      sandbox="allow-same-origin allow-popups"
      srcDoc={guardEmailHtml(html)}
      onLoad={measure}
      style={{ width: "100%", height, border: "1px solid #e3e3e3", borderRadius: 8, background: "#fff", display: "block" }}
    />
  );
}
