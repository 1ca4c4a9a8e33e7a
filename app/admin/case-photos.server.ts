import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "~/db.server";

/**
 * The case page's photos (README "Photos"). An `<img>` in the embedded admin cannot carry the session
 * token, so each photo is shown through a signed, expiring URL (`/photos/<id>?size=…&exp=…&sig=…`):
 * HMAC-SHA256 over the id, size and expiry with a key derived from the app secret, valid for
 * LINK_TTL_SECONDS — long enough to look at a case, short enough that a copied link stops working.
 */
export const LINK_TTL_SECONDS = 60 * 60;

export type PhotoSize = "full" | "thumb";
export type CasePhoto = { id: string; index: number; width: number; height: number; at: string; thumbUrl: string; fullUrl: string };

function linkKey(appSecret: string): Buffer {
  return createHmac("sha256", appSecret).update("baton photo links v1").digest();
}

function signature(appSecret: string, id: string, size: PhotoSize, exp: number): string {
  return createHmac("sha256", linkKey(appSecret)).update(`${id}\n${size}\n${exp}`).digest("base64url");
}

export function signedPhotoUrl(appSecret: string, id: string, size: PhotoSize, nowSeconds: number): string {
  const exp = nowSeconds + LINK_TTL_SECONDS;
  return `/photos/${encodeURIComponent(id)}?size=${size}&exp=${exp}&sig=${signature(appSecret, id, size, exp)}`;
}

/** The size a link grants, or null when it is forged, altered or expired. */
export function verifyPhotoLink(appSecret: string, id: string, query: URLSearchParams, nowSeconds: number): PhotoSize | null {
  const size = query.get("size");
  const exp = Number(query.get("exp"));
  const sig = query.get("sig") ?? "";
  if ((size !== "full" && size !== "thumb") || !Number.isInteger(exp) || exp < nowSeconds || exp > nowSeconds + LINK_TTL_SECONDS) return null;
  const expected = Buffer.from(signature(appSecret, id, size, exp));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? size : null;
}

/** The case's photos, oldest first, with signed links for this page view. */
export async function loadCasePhotos(db: Db, shop: string, caseId: string, appSecret: string, now: Date): Promise<CasePhoto[]> {
  const rows = await db.chatPhoto.findMany({
    where: { shop, conversation: { case: { id: caseId } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, width: true, height: true, createdAt: true },
    take: 50,
  });
  const seconds = Math.floor(now.getTime() / 1000);
  return rows.map((p, i) => ({
    id: p.id,
    index: i + 1,
    width: p.width,
    height: p.height,
    at: p.createdAt.toISOString(),
    thumbUrl: signedPhotoUrl(appSecret, p.id, "thumb", seconds),
    fullUrl: signedPhotoUrl(appSecret, p.id, "full", seconds),
  }));
}

/** A photo's bytes in the size a verified link grants. */
export async function photoBytes(db: Db, id: string, size: PhotoSize): Promise<Buffer | null> {
  const row = await db.chatPhoto.findUnique({ where: { id }, select: { data: size === "full", thumb: size === "thumb" } });
  const bytes = row ? (size === "full" ? row.data : row.thumb) : null;
  return bytes ? Buffer.from(bytes) : null;
}
