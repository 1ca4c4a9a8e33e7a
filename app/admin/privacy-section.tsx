import { BlockStack, Button, Card, Collapsible, Layout, Link, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import template from "../../docs/privacy-policy-template.md?raw";
import { useAdminUi, useT } from "./admin-ui";

/**
 * Settings › Assistant: what the chat tells shoppers about their data, and a privacy-policy text
 * the merchant can adapt (docs/privacy-policy-template.md, shown here so it can be copied).
 */
export function PrivacySection() {
  const t = useT().settings;
  const { embedded } = useAdminUi();
  const [open, setOpen] = useState(false);
  return (
    <Layout.AnnotatedSection id="privacy" title={t.privacyTitle} description={t.privacyBody}>
      <Card>
        <BlockStack gap="300">
          <Button onClick={() => setOpen((o) => !o)} ariaExpanded={open} ariaControls="privacy-template" disclosure={open ? "up" : "down"}>
            {t.privacyTemplate}
          </Button>
          <Collapsible id="privacy-template" open={open}>
            <TextField label={t.privacyTemplate} labelHidden value={template} multiline={12} readOnly autoComplete="off" />
          </Collapsible>
          {embedded ? (
            <Text as="p">
              <Link url="shopify://admin/settings/legal" target="_top">
                {t.privacyPolicies}
              </Link>
            </Text>
          ) : null}
        </BlockStack>
      </Card>
    </Layout.AnnotatedSection>
  );
}
