import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { answerPhotoUpload, photoHeaders, viewOwnPhoto } from "~/chat/photos/photo-route.server";
import { fromFetchRequest, toResponse } from "~/platform/http.server";

// /proxy/chat/photos under Vite's dev server; in production the plain Node handler answers first
// (app/chat/photos/photo-transport.server.ts), with the same functions.
export async function action({ request }: ActionFunctionArgs) {
  return toResponse(await answerPhotoUpload(fromFetchRequest(request)));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const view = await viewOwnPhoto(fromFetchRequest(request));
  if (!view.ok) return toResponse(view.answer);
  return new Response(request.method === "HEAD" ? null : new Uint8Array(view.body), { status: 200, headers: photoHeaders(view.body.length, "photo.jpg") });
}
