import { fileTypeFromBuffer } from "file-type";
import sharp, { type Sharp } from "sharp";
import { decodeHeicOffThread } from "./heic-off-thread.server";
import { imageEnd } from "./image-end";

/**
 * A shopper's photo, checked by its content and re-encoded (README "Photos"): the declared type and
 * name are never trusted. The bytes must be one JPEG, PNG, WebP or HEIC image and nothing else (no
 * trailing archive or markup: a polyglot is refused), at most PHOTO_MAX_PIXELS (a decompression bomb
 * is refused from its header, before any pixel is decoded), and decode completely. What is kept is
 * a new JPEG drawn from the decoded pixels — EXIF orientation applied, then every metadata block
 * (location, camera, comments) left behind — and a thumbnail.
 */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** 50 megapixels: above every phone's default resolution (12–48 MP), far below a bomb's. */
export const PHOTO_MAX_PIXELS = 50_000_000;
export const PHOTO_MAX_EDGE = 2048;
export const PHOTO_THUMB_EDGE = 320;

export type PhotoFormat = "jpeg" | "png" | "webp" | "heic";

export type PhotoRefusal =
  /** not one of the accepted formats (by content) */
  | "unsupported_image"
  /** more pixels than PHOTO_MAX_PIXELS */
  | "image_too_large"
  /** damaged, truncated, or more than one image / other data in one file */
  | "invalid_image";

export type ProcessedPhoto =
  { ok: true; sourceFormat: PhotoFormat; width: number; height: number; data: Buffer; thumb: Buffer } | { ok: false; code: PhotoRefusal; detail: string };

const FORMATS: Record<string, PhotoFormat> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
  "image/heif": "heic",
};

// A photo at a time holds its decoded pixels in memory; libvips' operation cache would keep more.
sharp.cache(false);

export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  const detected = await fileTypeFromBuffer(bytes);
  const format = detected ? FORMATS[detected.mime] : undefined;
  if (!format) return refuse("unsupported_image", detected ? `content is ${detected.mime}` : "content is not an image");
  const end = imageEnd(format, bytes);
  if (end === null) return refuse("invalid_image", "the image's structure is damaged");
  if (bytes.subarray(end).some((byte) => byte !== 0)) return refuse("invalid_image", `${bytes.length - end} bytes of other data follow the image`);
  try {
    const source = format === "heic" ? await heicPixels(bytes) : await rasterSource(bytes);
    if (!source.ok) return source;
    const { data, info } = await source.image
      .rotate()
      .resize({ width: PHOTO_MAX_EDGE, height: PHOTO_MAX_EDGE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data)
      .resize({ width: PHOTO_THUMB_EDGE, height: PHOTO_THUMB_EDGE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 72, mozjpeg: true })
      .toBuffer();
    return { ok: true, sourceFormat: format, width: info.width, height: info.height, data, thumb };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/pixel limit/i.test(message)) return refuse("image_too_large", message);
    return refuse("invalid_image", message.slice(0, 200));
  }
}

type Source = { ok: true; image: Sharp } | Extract<ProcessedPhoto, { ok: false }>;

async function rasterSource(bytes: Buffer): Promise<Source> {
  // The header first: a bomb is refused before decoding; `failOn: "error"` refuses a truncated or corrupt file.
  const options = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: "error" } as const;
  const meta = await sharp(bytes, options).metadata();
  if ((meta.pages ?? 1) > 1) return refuse("invalid_image", "animated or multi-page images are not photos");
  return { ok: true, image: sharp(bytes, options) };
}

/** HEVC-coded HEIC (what iPhones write): sharp's prebuilt libvips reads only AVIF, so libheif (wasm) decodes it, off the request's thread. */
async function heicPixels(bytes: Buffer): Promise<Source> {
  const decoded = await decodeHeicOffThread(bytes, PHOTO_MAX_PIXELS);
  if (!decoded.ok) return refuse(decoded.code, decoded.detail);
  const { width, height, data } = decoded;
  return { ok: true, image: sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 } }) };
}

function refuse(code: PhotoRefusal, detail: string): Extract<ProcessedPhoto, { ok: false }> {
  return { ok: false, code, detail };
}
