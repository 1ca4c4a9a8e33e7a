import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { ratingBody, recordRating } from "~/admin/chat-ratings.server";
import { rateLimited, shopperAddress, shopUnavailable } from "~/chat/chat-request.server";
import { isWellFormedConversationId } from "~/chat/chat-input.server";
import { verifyStorefrontRequest } from "~/chat/storefront-auth.server";
import { ALLOW_HEADER, BodyTooLargeError, hasJsonContentType, json, jsonError, readBodyText } from "~/platform/http.server";

// POST /proxy/chat/rating: the widget's "Was this helpful?" (README "Storefront chat API"). The same
// guards as the chat: App Proxy signature, JSON only, a small body, the storefront rate limits, and
// only the requester's own conversation in this shop.
const MAX_BODY_BYTES = 1024;

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return jsonError(405, "method_not_allowed", "Use POST to rate.", { Allow: ALLOW_HEADER });
  const auth = await verifyStorefrontRequest(request);
  if (!auth.ok) return auth.response;
  if (!hasJsonContentType(request)) {
    return jsonError(415, "unsupported_media_type", "Send the rating as Content-Type: application/json.", { Accept: "application/json" });
  }
  let data: unknown;
  try {
    data = JSON.parse(await readBodyText(request, MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, "payload_too_large", `The request body must be at most ${MAX_BODY_BYTES} bytes.`);
    return jsonError(400, "invalid_json", "The request body must be JSON.");
  }
  const parsed = ratingBody.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return jsonError(400, "invalid_request", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  if (!auth.shopContext) return shopUnavailable();
  if (!isWellFormedConversationId(parsed.data.conversationId)) return jsonError(404, "not_found", "No such conversation.");
  const limited = await rateLimited({ ip: shopperAddress(request), shop: auth.shop, conversationId: parsed.data.conversationId });
  if (limited) return limited;
  if (!(await recordRating(db(), auth.shop, auth.customerId, parsed.data))) return jsonError(404, "not_found", "No such conversation.");
  return json({ ok: true });
}

export async function loader({ request }: LoaderFunctionArgs) {
  // A rating is only ever sent; GET and HEAD get the same JSON 405 as any other method here.
  return jsonError(405, "method_not_allowed", `Use POST to rate (${request.method} is not served here).`, { Allow: "POST" });
}
