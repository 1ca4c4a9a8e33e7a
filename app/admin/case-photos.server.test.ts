import { describe, expect, it } from "vitest";
import { LINK_TTL_SECONDS, signedPhotoUrl, verifyPhotoLink } from "./case-photos.server";

// The case page's photo links are the only credential of the unauthenticated GET /photos/<id>
// (docs/app-review.md): what a link grants, and everything that must make it grant nothing.
const SECRET = "test-app-secret-0123456789abcdef";
const NOW = 1_796_000_000;
const ID = "Qm9vdHMtYXJlLXRvby1zbWFsbA";

function parse(url: string): { id: string; query: URLSearchParams } {
  const link = new URL(url, "https://app.example");
  return { id: decodeURIComponent(link.pathname.replace(/^\/photos\//, "")), query: link.searchParams };
}

describe("signed photo links", () => {
  it("a fresh link grants exactly its size, until it expires", () => {
    const thumb = parse(signedPhotoUrl(SECRET, ID, "thumb", NOW));
    const full = parse(signedPhotoUrl(SECRET, ID, "full", NOW));
    expect(verifyPhotoLink(SECRET, thumb.id, thumb.query, NOW)).toBe("thumb");
    expect(verifyPhotoLink(SECRET, full.id, full.query, NOW + LINK_TTL_SECONDS)).toBe("full");
    expect(verifyPhotoLink(SECRET, full.id, full.query, NOW + LINK_TTL_SECONDS + 1)).toBeNull();
  });

  it("another photo, another size, a moved expiry, another app secret or no signature: nothing", () => {
    const { id, query } = parse(signedPhotoUrl(SECRET, ID, "thumb", NOW));
    const altered = (name: string, value: string | null) => {
      const q = new URLSearchParams(query);
      if (value === null) q.delete(name);
      else q.set(name, value);
      return q;
    };
    expect(verifyPhotoLink(SECRET, `${id}x`, query, NOW)).toBeNull();
    expect(verifyPhotoLink(SECRET, id, altered("size", "full"), NOW)).toBeNull();
    expect(verifyPhotoLink(SECRET, id, altered("exp", String(NOW + 60)), NOW)).toBeNull();
    expect(verifyPhotoLink(SECRET, id, altered("sig", null), NOW)).toBeNull();
    expect(verifyPhotoLink(`${SECRET}-other`, id, query, NOW)).toBeNull();
  });

  it("a correctly signed expiry more than an hour ahead is refused: no link lives longer than LINK_TTL_SECONDS", () => {
    const later = parse(signedPhotoUrl(SECRET, ID, "full", NOW + 2 * LINK_TTL_SECONDS));
    expect(verifyPhotoLink(SECRET, later.id, later.query, NOW)).toBeNull();
    expect(verifyPhotoLink(SECRET, later.id, later.query, NOW + 2 * LINK_TTL_SECONDS)).toBe("full");
  });
});
