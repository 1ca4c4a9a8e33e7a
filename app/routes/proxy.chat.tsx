import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { answerChatHistory, answerChatPost } from "~/chat/storefront-api.server";
import { fromFetchRequest, toResponse } from "~/platform/http.server";

// The storefront chat API (public contract, see README "Storefront chat API"). In production the
// plain Node handler answers these paths before Remix (app/entry.launcher.server.ts); this route serves the
// same functions under Vite's dev server.
export async function action({ request }: ActionFunctionArgs) {
  return toResponse(await answerChatPost(fromFetchRequest(request)));
}

export async function loader({ request }: LoaderFunctionArgs) {
  // HEAD is answered like GET (without a body); Remix routes OPTIONS here too.
  return toResponse(await answerChatHistory(fromFetchRequest(request)));
}
