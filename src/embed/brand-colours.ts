// The colours a clinic may change that text sits on or is written in, so their contrast is checked (brand.ts);
// their defaults for both themes come from backcheck.css (`virtual:backcheck-theme-colours`, embed-css.ts).
export const BRAND_COLOURS = ['bg', 'text', 'muted', 'accent', 'accent-hover', 'on-accent'] as const;
export type BrandColour = (typeof BRAND_COLOURS)[number];

export type Mode = 'light' | 'dark';
export type Palette = Readonly<Record<BrandColour, string>>;
export type ThemeColours = Readonly<Record<Mode, Palette>>;
