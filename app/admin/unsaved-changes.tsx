import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { SaveBar } from "@shopify/app-bridge-react";
import { Box, InlineStack, Modal, Spinner, Text } from "@shopify/polaris";
import { useCallback, useEffect } from "react";
import { useAdminUi, useT } from "./admin-ui";

// Shopify's contextual save bar with a leave confirmation. Inside Shopify admin it is App Bridge's
// SaveBar (which also guards the admin's own navigation); in the demo a bar in the same words that
// sticks to the top while scrolling (below the demo's own nav bar, which stays clickable). In both, Remix
// navigations away from dirty edits are blocked until the merchant confirms,
// and closing or reloading the tab asks the browser's own question.

export interface UnsavedChangesProps {
  dirty: boolean;
  saving: boolean;
  onSave(): void;
  onDiscard(): void;
}

const BAR_BUTTON: React.CSSProperties = {
  font: "inherit",
  fontWeight: 600,
  fontSize: 13,
  lineHeight: "20px",
  minHeight: 28,
  minWidth: 64,
  padding: "4px 12px",
  borderRadius: 8,
  cursor: "pointer",
};
const SAVE: React.CSSProperties = { background: "#ffffff", color: "#303030", border: "1px solid #ffffff", boxShadow: "0 1px 0 rgba(0,0,0,.3)" };
const DISCARD: React.CSSProperties = { background: "#3b3b3b", color: "#ffffff", border: "1px solid #5c5c5c" };

export function UnsavedChangesBar({ dirty, saving, onSave, onDiscard }: UnsavedChangesProps) {
  const { embedded } = useAdminUi();
  const t = useT().unsaved;
  // Submitting the form itself navigates (POST to this route): that is not "leaving".
  const blocker = useBlocker(
    ({ currentLocation, nextLocation, historyAction }) => dirty && !saving && (currentLocation.pathname !== nextLocation.pathname || historyAction === "POP"),
  );
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!dirty) return;
        event.preventDefault();
        event.returnValue = "";
      },
      [dirty],
    ),
  );
  useEffect(() => {
    if (blocker.state === "blocked" && !dirty) blocker.proceed();
  }, [blocker, dirty]);

  const leave = blocker.state === "blocked" && dirty;
  const confirm = (
    <Modal
      open={leave}
      onClose={() => blocker.reset?.()}
      title={t.leaveTitle}
      primaryAction={{ content: t.leave, destructive: true, onAction: () => blocker.proceed?.() }}
      secondaryActions={[{ content: t.stay, onAction: () => blocker.reset?.() }]}
    >
      <Modal.Section>
        <Text as="p">{t.leaveBody}</Text>
      </Modal.Section>
    </Modal>
  );

  if (embedded) {
    return (
      <>
        <SaveBar id="baton-save-bar" open={dirty}>
          <button variant="primary" onClick={onSave} {...(saving ? { loading: "" } : {})}></button>
          <button onClick={onDiscard}></button>
        </SaveBar>
        {confirm}
      </>
    );
  }
  return (
    <>
      {dirty ? (
        <div
          role="region"
          aria-label={t.bar}
          data-save-bar
          style={{
            position: "sticky",
            top: 0,
            zIndex: 520,
            background: "#1a1a1a",
            boxShadow: "0 2px 6px rgba(0,0,0,.3)",
            borderRadius: 12,
            marginBlockEnd: 16,
          }}
        >
          <Box paddingInline="400" paddingBlock="200">
            <InlineStack align="space-between" blockAlign="center" gap="200" wrap={false}>
              <span style={{ color: "#fff", fontWeight: 600 }}>{t.bar}</span>
              {/* As Shopify's contextual save bar on its dark surface: Save is the light, prominent button, Discard a quiet dark one. */}
              <InlineStack gap="200" wrap={false}>
                <button type="button" data-save-bar-action="discard" onClick={onDiscard} disabled={saving} style={{ ...BAR_BUTTON, ...DISCARD }}>
                  {t.discard}
                </button>
                <button type="button" data-save-bar-action="save" onClick={onSave} disabled={saving} aria-busy={saving} style={{ ...BAR_BUTTON, ...SAVE }}>
                  {saving ? <Spinner size="small" accessibilityLabel={t.save} /> : t.save}
                </button>
              </InlineStack>
            </InlineStack>
          </Box>
        </div>
      ) : null}
      {confirm}
    </>
  );
}
