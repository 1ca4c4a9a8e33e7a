import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { ratingBody, recordRating } from "~/admin/chat-ratings.server";
import { rateLimited, shopperAddress, shopUnavailable } from "~/chat/chat-request.server";
import { isWellFormedConversationId } from "~/chat/chat-input.server";
import { verifyStorefrontRequest } from "~/chat/storefront-auth.server";
import {
  ALLOW_HEADER,
  BodyTooLargeError,
  declaresJson,
  errorAnswer,
  fromFetchRequest,
  jsonAnswer,
  toResponse,
  type Answer,
  type ApiRequest,
} from "~/platform/http.server";

// POST /proxy/chat/rating: the widget's "Was this helpful?" (README "Storefront chat API"). The same
// guards as the chat: App Proxy signature, JSON only, a small body, the storefront rate limits, and
// only the requester's own conversation in this shop.
const MAX_BODY_BYTES = 1024;

async function answerRating(request: ApiRequest): Promise<Answer> {
  if (request.method !== "POST") return errorAnswer(405, "method_not_allowed", "Use POST to rate.", { Allow: ALLOW_HEADER });
  const auth = await verifyStorefrontRequest(request.query);
  if (!auth.ok) return auth.answer;
  if (!declaresJson(request.header("content-type"))) {
    return errorAnswer(415, "unsupported_media_type", "Send the rating as Content-Type: application/json.", { Accept: "application/json" });
  }
  let data: unknown;
  try {
    data = JSON.parse((await request.readBody(MAX_BODY_BYTES)).toString("utf8"));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return errorAnswer(413, "payload_too_large", `The request body must be at most ${MAX_BODY_BYTES} bytes.`, { Connection: "close" });
    }
    return errorAnswer(400, "invalid_json", "The request body must be JSON.");
  }
  const parsed = ratingBody.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return errorAnswer(400, "invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  if (!auth.shopContext) return shopUnavailable();
  if (!isWellFormedConversationId(parsed.data.conversationId)) return errorAnswer(404, "not_found", "No such conversation.");
  const limited = await rateLimited({ ip: shopperAddress(request), shop: auth.shop, conversationId: parsed.data.conversationId });
  if (limited) return limited;
  if (!(await recordRating(db(), auth.shop, auth.customerId, parsed.data))) return errorAnswer(404, "not_found", "No such conversation.");
  return jsonAnswer(200, { ok: true });
}

export async function action({ request }: ActionFunctionArgs) {
  return toResponse(await answerRating(fromFetchRequest(request)));
}

export async function loader({ request }: LoaderFunctionArgs) {
  // A rating is only ever sent; GET and HEAD get the same JSON 405 as any other method here.
  return toResponse(errorAnswer(405, "method_not_allowed", `Use POST to rate (${request.method} is not served here).`, { Allow: "POST" }));
}
