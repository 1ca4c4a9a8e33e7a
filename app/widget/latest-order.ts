// A signed-in shopper's latest order in the empty chat. The server reads it for the signed
// `logged_in_customer_id` only (the browser sends no identity); guests never ask. Best effort: the
// empty state stands without it.
import type { OrderCardPart } from "../domain/conversation/reply-parts";
import { renderParts, type PartsContext } from "./parts";

/** Puts the order card at the top of the empty state `wl` once the server has answered (nothing on a miss). */
export async function showLatestOrder(proxy: string, wl: HTMLElement, c: PartsContext, f: typeof fetch = fetch): Promise<void> {
  try {
    const res = await f(proxy + "/chat?locale=" + encodeURIComponent(c.locale), { headers: { accept: "application/json" } });
    const order = res.ok ? ((await res.json()) as { latestOrder?: OrderCardPart["order"] | null }).latestOrder : null;
    if (order && wl.isConnected) wl.prepend(c.h("p", { class: "wh" }, c.t.latest_order), ...renderParts([{ type: "order", order }], c, false));
  } catch {
    /* offline or an older server: the suggestions stand alone */
  }
}
