import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { caseAddressKey } from "~/email/inbound/case-address.server";
import { acceptInboundEmail } from "~/email/inbound/accept-inbound.server";
import { inboundConfig } from "~/email/inbound/inbound-config.server";
import { hasInboundSecret, readPostedMail } from "~/email/inbound/inbound-request.server";
import { logger } from "~/platform/logger.server";
import { ALLOW_HEADER, BodyTooLargeError, json, jsonError, readBodyBytes } from "~/platform/http.server";
import { chatConfig } from "~/shopify.server";

// Inbound email from a provider that posts raw MIME, or from Baton's own SMTP listener
// (README "Team replies"). Refused mail is answered 200 too: a provider must not retry it.
const log = logger.child({ capability: "email", component: "inbound" });
const REQUEST_LIMIT = 1024 * 1024;

export async function loader() {
  return jsonError(405, "method_not_allowed", "POST a raw MIME message.", { Allow: ALLOW_HEADER });
}

export async function action({ request }: ActionFunctionArgs) {
  const config = inboundConfig();
  if (!config.domain || !config.webhookSecret) return jsonError(404, "not_found", "Inbound email is not configured.");
  if (!hasInboundSecret(request, config.webhookSecret)) return jsonError(401, "invalid_signature", "Missing or wrong inbound secret.");
  let body: Buffer;
  try {
    body = await readBodyBytes(request, REQUEST_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, "payload_too_large", `The request body must be at most ${REQUEST_LIMIT} bytes.`);
    throw error;
  }
  const mail = await readPostedMail(request, body);
  if (!mail) return jsonError(415, "unsupported_media_type", "Send message/rfc822, or SendGrid's raw multipart form.");
  const outcome = await acceptInboundEmail(db(), mail, {
    key: caseAddressKey(chatConfig.appSecret),
    domain: config.domain,
    maxBytes: config.maxBytes,
    perCasePerHour: config.perCasePerHour,
    refusedPerHour: 1_000,
    now: new Date(),
  });
  if (outcome.accepted) log.info({ teamMessageId: outcome.teamMessageId, duplicate: outcome.duplicate }, "team reply accepted");
  else log.info({ reason: outcome.reason, stored: outcome.stored }, "inbound email refused");
  return json(outcome.accepted ? { accepted: true } : { accepted: false, reason: outcome.reason });
}
