import type { Db } from "~/db.server";
import type { TokenCipher } from "~/platform/token-cipher.server";

/** Stored tokens this process cannot decrypt, by the id of the key they were encrypted with. */
export interface UnknownTokenKeys {
  keyIds: string[];
  sessions: number;
  shops: string[];
}

/**
 * Reads the key id of every stored Shopify token at start-up and reports those under a key that is
 * neither ENCRYPTION_KEY nor ENCRYPTION_KEY_PREVIOUS (null: every token is readable). A wrong key
 * used to surface only as errors on every request of the shops concerned; now it is one line at
 * start-up naming the key ids, while those shops keep chatting without order lookups.
 */
export async function findUnknownTokenKeys(db: Db, cipher: TokenCipher): Promise<UnknownTokenKeys | null> {
  const rows = await db.session.findMany({ select: { shop: true, accessToken: true, refreshToken: true } });
  const keyIds = new Set<string>();
  const shops = new Set<string>();
  let sessions = 0;
  for (const row of rows) {
    const unknown = [row.accessToken, row.refreshToken]
      .map((token) => (token ? cipher.keyIdOf(token) : null))
      .filter((id): id is string => id !== null && !cipher.keyIds.includes(id));
    if (unknown.length === 0) continue;
    sessions++;
    shops.add(row.shop);
    for (const id of unknown) keyIds.add(id);
  }
  return sessions === 0 ? null : { keyIds: [...keyIds], sessions, shops: [...shops] };
}

/** The operator's line for `findUnknownTokenKeys`'s answer. */
export function describeUnknownTokenKeys(found: UnknownTokenKeys, cipher: TokenCipher): string {
  const [current, ...previous] = cipher.keyIds;
  return (
    `ENCRYPTION_KEY: ${found.sessions} stored Shopify session(s) of ${found.shops.length} shop(s) were encrypted with key id ${found.keyIds.join(", ")}, ` +
    `which is neither ENCRYPTION_KEY (key id ${current})` +
    (previous.length ? ` nor ENCRYPTION_KEY_PREVIOUS (key id ${previous.join(", ")}). ` : " nor ENCRYPTION_KEY_PREVIOUS (unset). ") +
    "Those shops chat without order lookups until their merchant opens Baton again (a new token) or the old key is set as ENCRYPTION_KEY_PREVIOUS."
  );
}
