import { z } from "zod";
import { scanProse, scanTyped } from "./address-scan";

/**
 * Email addresses, once for the whole app: how one is found in text, validated, compared. Every
 * module that reads an address imports it from here, so a shopper's address is recognised, and
 * two addresses are judged equal, the same way in the chat, the model guard and the email.
 */

// A bare address that is safe in a mail header: no spaces, quotes, brackets or separators.
const BARE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

const emailSchema = z.email();

// Found in one linear pass (address-scan.ts): an address-like token in what a shopper typed is the
// run between separators around an "@", so a mistyped address ("sarah@gmail") is still found and can
// be answered as invalid; one in prose (a model's reply) has letters, digits and the usual
// punctuation and a top-level domain of letters, so "…at noon@2pm" or a full stop is not taken for one.

/** Address-like tokens in a shopper's text, trailing sentence punctuation dropped ("me@x.com." → "me@x.com"). */
export function findEmailTokens(text: string): string[] {
  return scanTyped(text).spans.map(([from, to]) => text.slice(from, to).replace(/[.!?]+$/, ""));
}

/** The text with every address-like token replaced by a space. */
export function blankEmailTokens(text: string): string {
  return blank(text, scanTyped(text).spans);
}

/** Addresses written in prose, exactly as written (for the model-output guard). */
export function findEmailsInProse(text: string): string[] {
  return scanProse(text).spans.map(([from, to]) => text.slice(from, to));
}

/** The text with every address written in prose replaced by a space. */
export function blankEmailsInProse(text: string): string {
  return blank(text, scanProse(text).spans);
}

function blank(text: string, spans: Array<[number, number]>): string {
  let out = "";
  let from = 0;
  for (const [start, end] of spans) {
    out += text.slice(from, start) + " ";
    from = end;
  }
  return out + text.slice(from);
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
