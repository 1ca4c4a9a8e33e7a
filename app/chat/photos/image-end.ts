import type { PhotoFormat } from "./photo-image.server";

/**
 * Where an image's own bytes end, from its container structure (null: the structure is broken). Bytes
 * after it are another file glued on — a polyglot (a JPEG that is also a ZIP or an HTML page) — and
 * are refused: the re-encoded copy would drop them anyway, but a file that is two things at once is
 * not a shopper's photo.
 */
export function imageEnd(format: PhotoFormat, bytes: Uint8Array): number | null {
  switch (format) {
    case "jpeg":
      return jpegEnd(bytes);
    case "png":
      return pngEnd(bytes);
    case "webp":
      return webpEnd(bytes);
    case "heic":
      return isoBoxesEnd(bytes);
  }
}

/** Walks the JPEG's segments and entropy-coded scans to the EOI marker (FFD9). */
function jpegEnd(b: Uint8Array): number | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) return null;
    while (b[i] === 0xff) i++;
    const marker = b[i++];
    if (marker === undefined) return null;
    if (marker === 0xd9) return i;
    // Standalone markers (TEM, RSTn) carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (i + 2 > b.length) return null;
    const length = (b[i]! << 8) | b[i + 1]!;
    if (length < 2) return null;
    i += length;
    if (marker === 0xda) {
      // Entropy-coded data: FF is stuffed as FF00; RSTn markers sit inside; any other marker ends the scan.
      while (i < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7))) i++;
    }
  }
  return null;
}

/** Walks the PNG's chunks to IEND. */
function pngEnd(b: Uint8Array): number | null {
  let i = 8;
  while (i + 12 <= b.length) {
    const length = ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    i += 12 + length;
    if (i > b.length) return null;
    if (type === "IEND") return i;
  }
  return null;
}

/** The RIFF container's declared size (padded to even). */
function webpEnd(b: Uint8Array): number | null {
  if (b.length < 12) return null;
  const size = b[4]! + (b[5]! << 8) + (b[6]! << 16) + ((b[7]! << 24) >>> 0);
  const end = 8 + size + (size % 2);
  return end <= b.length ? end : null;
}

/** HEIF is ISO BMFF: top-level boxes laid end to end; the last must end exactly where its size says. */
function isoBoxesEnd(b: Uint8Array): number | null {
  let i = 0;
  while (i + 8 <= b.length) {
    let size = ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
    if (size === 1) {
      if (i + 16 > b.length) return null;
      const high = ((b[i + 8]! << 24) >>> 0) + (b[i + 9]! << 16) + (b[i + 10]! << 8) + b[i + 11]!;
      const low = ((b[i + 12]! << 24) >>> 0) + (b[i + 13]! << 16) + (b[i + 14]! << 8) + b[i + 15]!;
      size = high * 2 ** 32 + low;
    } else if (size === 0) {
      size = b.length - i;
    }
    if (size < 8 || i + size > b.length) return null;
    i += size;
  }
  return i === b.length ? i : null;
}
