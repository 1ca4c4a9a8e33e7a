import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmailPreview } from "./email-preview";

describe("EmailPreview", () => {
  it("sandboxes the email: no scripts, and links open in tabs that stay sandboxed", () => {
    const html = renderToString(<EmailPreview html="<p>Hi <a href='https://evil.example'>x</a></p>" title="Case email" />);
    const sandbox = /sandbox="([^"]*)"/.exec(html)?.[1];
    expect(sandbox?.split(" ").sort()).toEqual(["allow-popups", "allow-same-origin"]);
  });
});
