import { readFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PHOTO_MAX_EDGE, processPhoto } from "./photo-image.server";

// Real images, made by sharp here (and one HEIC written by libheif's heif-enc: tests/fixtures/photos).
function halves(width: number, height: number): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw.set(x < width / 2 ? [220, 20, 20] : [20, 40, 220], i);
    }
  }
  return raw;
}
const image = (width: number, height: number) => sharp(halves(width, height), { raw: { width, height, channels: 3 } });

async function pixel(jpeg: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}
const isRed = ([r, g, b]: number[]) => r! > 150 && g! < 90 && b! < 90;
const isBlue = ([r, , b]: number[]) => b! > 150 && r! < 90;

describe("processPhoto", () => {
  it.each([
    ["jpeg", () => image(120, 80).jpeg().toBuffer()],
    ["png", () => image(120, 80).png().toBuffer()],
    ["webp", () => image(120, 80).webp().toBuffer()],
  ])("re-encodes a %s as a JPEG with a thumbnail", async (format, make) => {
    const result = await processPhoto(await make());
    expect(result).toMatchObject({ ok: true, sourceFormat: format, width: 120, height: 80 });
    if (!result.ok) return;
    expect((await sharp(result.data).metadata()).format).toBe("jpeg");
    expect((await sharp(result.thumb).metadata()).format).toBe("jpeg");
    expect(isRed(await pixel(result.data, 10, 40))).toBe(true);
    expect(isBlue(await pixel(result.data, 110, 40))).toBe(true);
  });

  it("decodes an HEVC HEIC (which sharp's own libvips cannot) and keeps its pixels", async () => {
    const heic = readFileSync("tests/fixtures/photos/red-blue.heic");
    await expect(
      sharp(heic)
        .metadata()
        .then((m) =>
          sharp(heic)
            .raw()
            .toBuffer()
            .then(() => m),
        ),
    ).rejects.toThrow();
    const result = await processPhoto(heic);
    expect(result).toMatchObject({ ok: true, sourceFormat: "heic", width: 96, height: 64 });
    if (!result.ok) return;
    expect(isRed(await pixel(result.data, 5, 30))).toBe(true);
    expect(isBlue(await pixel(result.data, 90, 30))).toBe(true);
  });

  it("honours EXIF orientation, then strips every metadata block (GPS, camera, comment)", async () => {
    // Stored 120×80 with orientation 6 (rotate 90° clockwise to view): shown 80×120, red on top.
    const withExif = await image(120, 80)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: "PhoneCo", ImageDescription: "secret" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 0/1" } })
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const result = await processPhoto(withExif);
    expect(result).toMatchObject({ ok: true, width: 80, height: 120 });
    if (!result.ok) return;
    const meta = await sharp(result.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(result.data.includes(Buffer.from("PhoneCo"))).toBe(false);
    expect(isRed(await pixel(result.data, 40, 5))).toBe(true);
    expect(isBlue(await pixel(result.data, 40, 115))).toBe(true);
  });

  it("downscales a large photo to 2048 px on its longer side", async () => {
    const result = await processPhoto(await image(3000, 1500).jpeg().toBuffer());
    expect(result).toMatchObject({ ok: true, width: PHOTO_MAX_EDGE, height: 1024 });
  });

  it("refuses a polyglot: a JPEG with a ZIP (or an HTML page) glued on", async () => {
    const jpeg = await image(60, 40).jpeg().toBuffer();
    const zip = Buffer.from("504b0304140000000800" + "00".repeat(20), "hex");
    expect(await processPhoto(Buffer.concat([jpeg, zip]))).toMatchObject({ ok: false, code: "invalid_image" });
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    expect(await processPhoto(Buffer.concat([jpeg, html]))).toMatchObject({ ok: false, code: "invalid_image" });
    const png = await image(60, 40).png().toBuffer();
    expect(await processPhoto(Buffer.concat([png, html]))).toMatchObject({ ok: false, code: "invalid_image" });
  });

  it("refuses what is not one of the four formats, whatever it is called", async () => {
    expect(await processPhoto(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"))).toMatchObject({
      ok: false,
      code: "unsupported_image",
    });
    expect(await processPhoto(await image(20, 20).gif().toBuffer())).toMatchObject({ ok: false, code: "unsupported_image" });
    expect(await processPhoto(await image(20, 20).avif().toBuffer())).toMatchObject({ ok: false, code: "unsupported_image" });
    expect(await processPhoto(Buffer.from("%PDF-1.7\n1 0 obj\n"))).toMatchObject({ ok: false, code: "unsupported_image" });
    expect(await processPhoto(Buffer.alloc(0))).toMatchObject({ ok: false, code: "unsupported_image" });
  });

  it("refuses a truncated or damaged image", async () => {
    const jpeg = await image(200, 100).jpeg().toBuffer();
    expect(await processPhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toMatchObject({ ok: false, code: "invalid_image" });
    const heic = readFileSync("tests/fixtures/photos/red-blue.heic");
    expect(await processPhoto(heic.subarray(0, heic.length - 40))).toMatchObject({ ok: false, code: "invalid_image" });
  });

  it("refuses a decompression bomb from its header (a 100-megapixel PNG of 100 KB)", async () => {
    // A committed fixture: encoding 10,000 × 10,000 pixels in the test took ~5 s and timed out on a busy machine.
    // Made once with sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#fff" } }).png({ palette: true, colours: 2 }).
    const bomb = readFileSync("tests/fixtures/photos/bomb-100-megapixels.png");
    expect(bomb.length).toBeLessThan(100_000);
    expect((await sharp(bomb).metadata()).width).toBe(10_000); // what the header claims
    const started = performance.now();
    expect(await processPhoto(bomb)).toMatchObject({ ok: false, code: "image_too_large" });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
