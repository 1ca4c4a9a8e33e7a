import { BlockStack, Text } from "@shopify/polaris";
import { parseConfig } from "~/widget/config";
import { widgetStrings } from "~/widget/embed-markup";
import { useAdminLayout, useT } from "./admin-ui";
import { splitQuestions, widgetWordsFor, widgetWordsSettingsSchema } from "./widget-words";
import { assistantSettingsSchema } from "~/domain/shop-settings";

// A live preview of the storefront chat's empty state while the merchant types. It goes through the
// widget's own config reader (parseConfig) with the words the save would publish, so what it shows
// is what the storefront shows: unchanged defaults in the shopper's language, the merchant's words
// as written. Only the text is live; placement and colours are the theme's.

const ACCENT = "#1f5fad";

export function WidgetPreview({ values, shopName }: { values: Record<string, string>; shopName: string }) {
  const t = useT().widgetWords;
  const { format } = useAdminLayout();
  const lang = format.locale.split("-")[0] ?? "en";
  const assistant = assistantSettingsSchema.safeParse({ name: values["assistant.name"], greeting: values["assistant.greeting"] });
  const widget = widgetWordsSettingsSchema.safeParse({
    quickActions: splitQuestions(values["widget.quickActions"] ?? ""),
    replyTime: values["widget.replyTime"]?.trim() || null,
  });
  const words = widgetWordsFor(
    assistant.success ? assistant.data : assistantSettingsSchema.parse({}),
    widget.success ? widget.data : { quickActions: splitQuestions(values["widget.quickActions"] ?? "").slice(0, 4), replyTime: null },
  );
  const strings = widgetStrings(lang);
  const cfg = parseConfig(JSON.stringify({ strings, words, shopName, locale: lang }))!;
  const who = cfg.shopName && cfg.assistantName !== strings.assistant ? `${cfg.assistantName} · ${strings.ai}` : strings.ai;
  const chip = { padding: "6px 12px", border: "1px solid #8a8a8a", borderRadius: 16, fontSize: 14, background: "#fff" } as const;
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t.preview}
      </Text>
      <div
        data-testid="widget-preview"
        lang={lang}
        style={{ maxWidth: 340, border: "1px solid #d9d9d9", borderRadius: 14, overflow: "hidden", fontSize: 14, lineHeight: 1.4, color: "#1a1a1a" }}
      >
        <div style={{ background: ACCENT, color: "#fff", padding: "10px 16px" }}>
          <div style={{ fontWeight: 600, fontSize: 15, overflowWrap: "anywhere" }}>{cfg.shopName || cfg.assistantName}</div>
          <div style={{ fontSize: 12.5 }}>{who}</div>
        </div>
        <div style={{ padding: 16, display: "flex", flexDirection: "column", gap: 8 }}>
          <div style={{ alignSelf: "flex-start", maxWidth: "85%", background: "#f1f2f4", padding: "9px 12px", borderRadius: 14, whiteSpace: "pre-wrap" }}>
            {cfg.greeting}
          </div>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 6 }}>
            {[...cfg.quickActions, strings.talk].map((q, i) => (
              <span key={i} style={chip}>
                {q}
              </span>
            ))}
          </div>
          <div style={{ color: "#595959", fontSize: 13 }}>{cfg.replyTime}</div>
        </div>
        <div style={{ borderTop: "1px solid #e3e3e3", padding: "10px 12px", color: "#616161" }}>{strings.placeholder}</div>
      </div>
      <Text as="p" tone="subdued" variant="bodySm">
        {t.previewNote}
      </Text>
    </BlockStack>
  );
}
