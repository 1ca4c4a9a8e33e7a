import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { useAdminLayout, useFormatters } from "./admin-ui";
import type { CasePhoto } from "./case-photos.server";
import { adminLanguage, type AdminLanguage } from "./i18n/languages";

const WORDS: Record<AdminLanguage, { title: string; hint: string; alt: (n: number, w: number, h: number) => string; open: string }> = {
  en: {
    title: "Photos from the shopper",
    hint: "Sent in the chat; also attached to the case emails. Select one to open it full size.",
    alt: (n, w, h) => `Photo ${n} from the shopper (${w}×${h})`,
    open: "opens full size in a new tab",
  },
  es: {
    title: "Fotos del cliente",
    hint: "Enviadas en el chat; también adjuntas a los correos del caso. Selecciona una para verla a tamaño completo.",
    alt: (n, w, h) => `Foto ${n} del cliente (${w}×${h})`,
    open: "se abre a tamaño completo en una pestaña nueva",
  },
  fr: {
    title: "Photos du client",
    hint: "Envoyées dans le chat ; aussi jointes aux e-mails du dossier. Sélectionnez-en une pour l’ouvrir en grand.",
    alt: (n, w, h) => `Photo ${n} du client (${w}×${h})`,
    open: "s’ouvre en grand dans un nouvel onglet",
  },
  de: {
    title: "Fotos der Kundin / des Kunden",
    hint: "Im Chat gesendet; auch an die Fall-E-Mails angehängt. Wählen Sie eines, um es in voller Größe zu öffnen.",
    alt: (n, w, h) => `Foto ${n} der Kundin / des Kunden (${w}×${h})`,
    open: "öffnet sich in voller Größe in einem neuen Tab",
  },
};

/** The case's photos as thumbnails; each opens full size through its signed link (app/admin/case-photos.server.ts). */
export function CasePhotos({ photos }: { photos: CasePhoto[] }) {
  const t = WORDS[adminLanguage(useAdminLayout().format.locale)];
  const fmt = useFormatters();
  if (photos.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t.title}
        </Text>
        <Text as="p" tone="subdued">
          {t.hint}
        </Text>
        <InlineStack gap="300" wrap>
          {photos.map((p) => (
            <a
              key={p.id}
              href={p.fullUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="case-photo"
              style={{ display: "inline-block", textAlign: "center", textDecoration: "none", color: "inherit" }}
            >
              <img
                src={p.thumbUrl}
                alt={`${t.alt(p.index, p.width, p.height)}, ${t.open}`}
                width={thumbSize(p).width}
                height={thumbSize(p).height}
                style={{ display: "block", borderRadius: 8, border: "1px solid #e3e3e3", objectFit: "cover", background: "#f6f6f7" }}
              />
              <Text as="span" variant="bodySm" tone="subdued">
                {fmt.dateTime(p.at)}
              </Text>
            </a>
          ))}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

/** Shown at most 160 px on the longer side, keeping the photo's shape (no layout shift while it loads). */
function thumbSize(p: CasePhoto): { width: number; height: number } {
  const scale = 160 / Math.max(p.width, p.height, 1);
  return { width: Math.max(1, Math.round(p.width * Math.min(1, scale))), height: Math.max(1, Math.round(p.height * Math.min(1, scale))) };
}
