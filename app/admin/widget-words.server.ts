import type { Db } from "~/db.server";
import { assistantSettingsSchema, parseStored } from "~/domain/shop-settings";
import { logger } from "~/platform/logger.server";
import type { WidgetWords } from "~/widget/types";
import { widgetWordsFor, widgetWordsSettingsSchema } from "./widget-words";

const log = logger.child({ capability: "admin" });

/** The app-data metafield the theme app embed reads as `app.metafields.baton.widget.value`. */
export const WIDGET_METAFIELD = { namespace: "baton", key: "widget", type: "json" } as const;

/** The Admin GraphQL client `authenticate.admin` returns, as far as this needs it. */
export interface AdminGraphqlWithVariables {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

// An app-data metafield is owned by the app's installation on the shop: only Baton can write it,
// and the theme app extension can read it without a request of the page's own.
export const APP_INSTALLATION_QUERY = `#graphql
  query AppInstallationId {
    currentAppInstallation {
      id
    }
  }
`;
export const METAFIELDS_SET_MUTATION = `#graphql
  mutation SetWidgetWords($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** The widget's words as stored for a shop (the demo storefront renders them as Shopify renders the metafield). */
export async function loadWidgetWords(db: Db, shop: string): Promise<WidgetWords | null> {
  const row = await db.shop.findUnique({ where: { domain: shop }, select: { assistant: true, widget: true } });
  if (!row) return null;
  return widgetWordsFor(parseStored(assistantSettingsSchema, row.assistant), parseStored(widgetWordsSettingsSchema, row.widget));
}

/**
 * Writes the words into the app-data metafield. Returns false (and logs) when Shopify refused or
 * could not be reached: the settings are saved either way, and the next save writes again.
 */
export async function publishWidgetWords(admin: AdminGraphqlWithVariables, shop: string, words: WidgetWords): Promise<boolean> {
  try {
    const installation = (await (await admin.graphql(APP_INSTALLATION_QUERY)).json()) as { data?: { currentAppInstallation?: { id?: string } } };
    const ownerId = installation.data?.currentAppInstallation?.id;
    if (!ownerId) throw new Error("no app installation id");
    const res = await admin.graphql(METAFIELDS_SET_MUTATION, {
      variables: { metafields: [{ ownerId, ...WIDGET_METAFIELD, value: JSON.stringify(words) }] },
    });
    const body = (await res.json()) as { data?: { metafieldsSet?: { userErrors?: Array<{ message: string }> } }; errors?: unknown };
    const problems = body.data?.metafieldsSet?.userErrors ?? [];
    if (body.errors || !body.data?.metafieldsSet || problems.length) throw new Error(JSON.stringify(body.errors ?? problems));
    return true;
  } catch (err) {
    log.warn({ shop, err }, "widget words not published to the storefront metafield");
    return false;
  }
}
