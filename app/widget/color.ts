// WCAG 2.x relative luminance and contrast, to pick a readable text colour on the merchant's accent.

export const DEFAULT_ACCENT = "#1f5fad";
const LIGHT = "#ffffff";
const DARK = "#111111";

/** Parses `#rgb` or `#rrggbb`; anything else (named colours, rgba, CSS injection attempts) → null. */
export function parseHex(value: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return null;
  let hex = m[1];
  if (hex.length === 3) hex = hex.replace(/./g, "$&$&");
  const n = parseInt(hex, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(hex: string): number {
  const [r, g, b] = (parseHex(hex) ?? [0, 0, 0]).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two hex colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Normalises the accent to `#rrggbb`, falling back to the default when it is not a hex colour. */
export function normalizeAccent(value: unknown): string {
  const rgb = typeof value === "string" ? parseHex(value) : null;
  return rgb ? "#" + rgb.map((c) => c.toString(16).padStart(2, "0")).join("") : DEFAULT_ACCENT;
}

/**
 * White or near-black, whichever contrasts more with the accent; pure black where near-black would
 * miss AA on mid-tones. Always ≥ 4.5:1 (white or black always reaches ≥ 4.58:1 on any colour).
 */
export function readableTextOn(accent: string): string {
  const light = contrastRatio(accent, LIGHT);
  const dark = contrastRatio(accent, DARK);
  if (Math.max(light, dark) >= 4.5) return light >= dark ? LIGHT : DARK;
  return light >= contrastRatio(accent, "#000000") ? LIGHT : "#000000";
}
