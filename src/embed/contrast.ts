// WCAG 2.2 contrast between two colours (1.4.3: 4.5:1 for normal text), and the little colour arithmetic the
// branding needs. Pure functions on sRGB colours.
export type Rgb = readonly [number, number, number];

/** The contrast text needs (WCAG 2.2 AA, 1.4.3). */
export const MIN_CONTRAST = 4.5;

/**
 * `#rgb`, `#rrggbb`, `rgb(r, g, b)`, `rgb(r g b)`, `rgba(..., 1)` and `color(srgb r g b)` (what browsers compute
 * for most colours). null for anything else, and for see-through colours, whose contrast depends on what is behind.
 */
export function parseColour(text: string): Rgb | null {
  const s = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s)?.[1];
  if (hex) {
    const six = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return rgb([0, 2, 4].map((i) => parseInt(six.slice(i, i + 2), 16)));
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(s);
  if (!fn) return null;
  const parts = (fn[2] as string).replace(/\//g, ' ').split(/[\s,]+/).filter(Boolean);
  if (fn[1] === 'color') {
    if (parts.shift() !== 'srgb') return null;
    return opaque(parts, (n) => n * 255);
  }
  return opaque(parts, (n) => n);
}

function rgb(values: readonly number[]): Rgb {
  return [values[0] ?? 0, values[1] ?? 0, values[2] ?? 0];
}

function opaque(parts: string[], scale: (n: number) => number): Rgb | null {
  if (parts.length < 3 || parts.length > 4) return null;
  const alpha = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : Number(parts[3]);
  if (alpha !== 1) return null;
  const channels = parts.slice(0, 3).map((p) => (p.endsWith('%') ? (parseFloat(p) / 100) * 255 : scale(Number(p))));
  if (channels.some((c) => !Number.isFinite(c) || c < 0 || c > 255.5)) return null;
  return rgb(channels.map((c) => Math.round(c)));
}

/** Relative luminance (WCAG 2.2 definition). */
export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `a` moved `amount` (0..1) of the way towards `b`. */
export function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return rgb(a.map((c, i) => Math.round(c + ((b[i] as number) - c) * amount)));
}

export function toHex(c: Rgb): string {
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** "2.88:1", rounded down so that a value shown as 4.50:1 really passes. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}
