import { z } from "zod";

/**
 * Email addresses, once for the whole app: how one is found in text, validated, compared. Every
 * module that reads an address imports it from here, so a shopper's address is recognised, and
 * two addresses are judged equal, the same way in the chat, the model guard and the email.
 */

// An address-like token in what a shopper typed: anything between separators around an "@", so a
// mistyped address ("sarah@gmail") is still found and can be answered as invalid.
const TOKEN = String.raw`[^\s<>()[\]{},;:"']+@[^\s<>()[\]{},;:"']+`;
// An address as written in prose (a model's reply): letters, digits and the usual punctuation, and
// a top-level domain of letters, so "…at noon@2pm" or a trailing full stop is not taken for one.
const IN_PROSE = String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}`;
// A bare address that is safe in a mail header: no spaces, quotes, brackets or separators.
const BARE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

const emailSchema = z.email();

/** Address-like tokens in a shopper's text, trailing sentence punctuation dropped ("me@x.com." → "me@x.com"). */
export function findEmailTokens(text: string): string[] {
  return [...text.matchAll(new RegExp(TOKEN, "g"))].map((m) => m[0].replace(/[.!?]+$/, ""));
}

/** The text with every address-like token replaced by a space. */
export function blankEmailTokens(text: string): string {
  return text.replace(new RegExp(TOKEN, "g"), " ");
}

/** Addresses written in prose, exactly as written (for the model-output guard). */
export function findEmailsInProse(text: string): string[] {
  return [...text.matchAll(new RegExp(IN_PROSE, "gu"))].map((m) => m[0]);
}

/** The text with every address written in prose replaced by a space. */
export function blankEmailsInProse(text: string): string {
  return text.replace(new RegExp(IN_PROSE, "gu"), " ");
}

/** A bare, header-safe address ("name@example.com", nothing around it). */
export function isBareEmail(value: string): boolean {
  return BARE.test(value);
}

/** Validation for every address a shopper gives (RFC-ish, length-capped, a dot in the domain). */
export function isValidEmail(value: string): boolean {
  const v = value.trim();
  if (v.length > 254 || /[\r\n]/.test(v)) return false;
  if (!emailSchema.safeParse(v).success) return false;
  const [local = "", domain = ""] = v.split("@");
  return local.length <= 64 && domain.includes(".");
}

/** The form addresses are compared and stored in: trimmed, lower case. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Case- and whitespace-insensitive equality: the one email comparison (order ownership, routing, dedupe). */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return normalizeEmail(a) === normalizeEmail(b);
}
