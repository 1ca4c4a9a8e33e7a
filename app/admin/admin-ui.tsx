import { useRouteLoaderData } from "@remix-run/react";
import { Frame, Toast } from "@shopify/polaris";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { DEFAULT_FORMAT, makeFormatters, type Formatters, type ShopFormat } from "./format";
import { adminMessages, type AdminMessages } from "./i18n";

// What every admin page needs from the layout: whether it runs inside Shopify admin (App Bridge
// present) or in the local demo, a toast that works in both, and the shop's formatters.

export interface AdminLayoutData {
  demo: boolean;
  format: ShopFormat;
  /** a language model is configured on this server (OPENAI_API_KEY) */
  llmConfigured: boolean;
}

interface AdminUi {
  embedded: boolean;
  toast(message: string, options?: { error?: boolean }): void;
}

const AdminUiContext = createContext<AdminUi>({ embedded: false, toast: () => undefined });

interface ToastState {
  id: number;
  message: string;
  error: boolean;
}

/** Embedded: App Bridge's `shopify.toast`. Demo: Polaris `Toast` inside a `Frame`. */
export function AdminUiProvider({ embedded, children }: { embedded: boolean; children: ReactNode }) {
  const [toast, setToast] = useState<ToastState | null>(null);
  const show = useCallback(
    (message: string, options?: { error?: boolean }) => {
      // `shopify` is the App Bridge global; it exists only inside Shopify admin.
      const bridge = (globalThis as { shopify?: { toast?: { show(m: string, o?: { isError?: boolean }): void } } }).shopify;
      if (embedded && bridge?.toast) bridge.toast.show(message, { isError: options?.error === true });
      else setToast({ id: Date.now(), message, error: options?.error === true });
    },
    [embedded],
  );
  const value = useMemo(() => ({ embedded, toast: show }), [embedded, show]);
  if (embedded) return <AdminUiContext.Provider value={value}>{children}</AdminUiContext.Provider>;
  return (
    <AdminUiContext.Provider value={value}>
      <Frame>
        {children}
        {toast ? <Toast key={toast.id} content={toast.message} error={toast.error} onDismiss={() => setToast(null)} /> : null}
      </Frame>
    </AdminUiContext.Provider>
  );
}

export function useAdminUi(): AdminUi {
  return useContext(AdminUiContext);
}

/** The merchant's locale from Shopify, kept in the browser for client navigations (which carry no `locale`). */
let shopifyLocale: string | undefined;

/**
 * The layout's data (route id "routes/app"). In the browser, a locale Shopify passed once stays the
 * admin's locale over the browser's Accept-Language of later navigations, so the language never
 * flips between pages. The server render uses the request's own, and hydration sees the same value.
 */
export function useAdminLayout(): AdminLayoutData {
  const data = (useRouteLoaderData("routes/app") as AdminLayoutData | undefined) ?? { demo: true, format: DEFAULT_FORMAT, llmConfigured: false };
  return useMemo(() => {
    if (typeof document === "undefined") return data;
    if (data.format.localeSource === "shopify") shopifyLocale = data.format.locale;
    else if (shopifyLocale && shopifyLocale !== data.format.locale) return { ...data, format: { ...data.format, locale: shopifyLocale } };
    return data;
  }, [data]);
}

/** The admin's words in the merchant's language (en, es, fr, de; others read English). */
export function useT(): AdminMessages {
  const { format } = useAdminLayout();
  return adminMessages(format.locale);
}

/** Formatters for the shop's currency and time zone in the merchant's locale. */
export function useFormatters(): Formatters {
  const { format } = useAdminLayout();
  return useMemo(() => makeFormatters(format), [format]);
}
