import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { photoBytes, verifyPhotoLink } from "~/admin/case-photos.server";
import { photoHeaders } from "~/chat/photos/photo-route.server";
import { chatConfig } from "~/shopify.server";

// GET /photos/<id>?size=…&exp=…&sig=…: a shopper's photo for the case page, by a signed, expiring link
// (app/admin/case-photos.server.ts). Served as our JPEG only: nosniff, a CSP without active content,
// inline with our own file name. A forged, altered or expired link is a plain 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const size = verifyPhotoLink(chatConfig.appSecret, id, new URL(request.url).searchParams, Math.floor(Date.now() / 1000));
  const bytes = size ? await photoBytes(db(), id, size) : null;
  if (!bytes) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  return new Response(request.method === "HEAD" ? null : new Uint8Array(bytes), { status: 200, headers: photoHeaders(bytes.length, "photo.jpg") });
}
