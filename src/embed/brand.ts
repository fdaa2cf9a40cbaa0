// A clinic's branding, made safe to show: every colour it passes (options, or `--backcheck-*` properties on the
// custom element) is checked against what it will sit on, in each theme the widget can show. Below 4.5:1 the widget
// says so once on the console and keeps its own accessible colour for that theme. The result is a set of
// `--backcheck-host-*` custom properties for the widget's root (see embed-css.ts), set through the CSSOM, which a
// strict style-src allows.
import { BRAND_COLOURS, type BrandColour, type Mode, type ThemeColours } from './brand-colours.ts';
import { contrastRatio, formatRatio, MIN_CONTRAST, mix, parseColour, toHex, type Rgb } from './contrast.ts';
import type { Brand, EmbedOptions, Theme } from './options.ts';
import themeColours from 'virtual:backcheck-theme-colours';

/** One colour the clinic asked for, in one theme, and where it came from (an option or a custom property). */
export interface RequestedColour {
  name: BrandColour;
  mode: Mode;
  value: string;
  /** `"accent-color"` or `--backcheck-accent`, as the console names it. */
  from: string;
  /** A light-theme accent carried into dark mode because no dark one was given: any dark one given anywhere wins. */
  carried?: true;
}

/** Text (first) written on a background (second): the pairs the stylesheet really draws. */
const PAIRS: readonly (readonly [BrandColour, BrandColour])[] = [
  ['text', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['on-accent', 'accent'],
  ['on-accent', 'accent-hover'],
];

const WORDS: Readonly<Record<BrandColour, string>> = {
  bg: 'background',
  text: 'text colour',
  muted: 'secondary text colour',
  accent: 'accent colour',
  'accent-hover': 'accent hover colour',
  'on-accent': 'button text colour',
};

/** Colours carried from the light theme into dark mode: the brand's accent; the page colours stay dark. */
const CARRIED: ReadonlySet<BrandColour> = new Set(['accent', 'accent-hover', 'on-accent']);
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [255, 255, 255];

export interface BrandPlan {
  /** Custom properties for the widget's root element. */
  properties: Record<string, string>;
  /** One sentence per colour the widget would not use, for the console. */
  problems: string[];
}

/** The options' colours: `accent-color` in both themes (`dark-accent-color` in dark), text and background in light. */
export function coloursFromOptions(brand: Brand): RequestedColour[] {
  const found: RequestedColour[] = [];
  const add = (name: BrandColour, mode: Mode, value: string | null, from: string, carried = false) => {
    if (value) found.push({ name, mode, value, from: `"${from}"`, ...(carried ? { carried: true as const } : {}) });
  };
  add('accent', 'light', brand.accent, 'accent-color');
  if (brand.darkAccent) add('accent', 'dark', brand.darkAccent, 'dark-accent-color');
  else add('accent', 'dark', brand.accent, 'accent-color', true);
  add('text', 'light', brand.text, 'text-color');
  add('bg', 'light', brand.background, 'background-color');
  return found;
}

/**
 * The custom element's colours set in the clinic's CSS: `--backcheck-accent` (light, and dark for the accent
 * colours) and `--backcheck-dark-accent` (dark). `read` gives a property's value as the browser computes it.
 */
export function coloursFromCss(read: (property: string) => string | null): RequestedColour[] {
  const found: RequestedColour[] = [];
  for (const name of BRAND_COLOURS) {
    const light = read(`--backcheck-${name}`);
    const dark = read(`--backcheck-dark-${name}`);
    if (light) found.push({ name, mode: 'light', value: light, from: `--backcheck-${name}` });
    if (dark) found.push({ name, mode: 'dark', value: dark, from: `--backcheck-dark-${name}` });
    else if (light && CARRIED.has(name)) found.push({ name, mode: 'dark', value: light, from: `--backcheck-${name}`, carried: true });
  }
  return found;
}

/**
 * Later lists win for the same colour and theme (options over CSS), except that a colour only carried into dark mode
 * never replaces one given for it: `accent-color` as an option with `--backcheck-dark-accent` in the CSS is the
 * option's accent in light and the CSS's in dark, as the console's own advice to set the latter promises.
 */
export function mergeColours(...lists: RequestedColour[][]): RequestedColour[] {
  const byKey = new Map<string, RequestedColour>();
  for (const c of lists.flat()) {
    const key = `${c.mode} ${c.name}`;
    const before = byKey.get(key);
    if (!before || !c.carried || before.carried) byKey.set(key, c);
  }
  return [...byKey.values()];
}

export function planBrand(requested: readonly RequestedColour[], theme: Theme, defaults: ThemeColours): BrandPlan {
  const properties: Record<string, string> = {};
  const problems: string[] = [];
  const modes: Mode[] = theme === 'auto' ? ['light', 'dark'] : [theme];
  for (const mode of modes) {
    const wanted = requested.filter((c) => c.mode === mode);
    const kept = new Map<BrandColour, { colour: RequestedColour; rgb: Rgb }>();
    for (const colour of wanted) {
      const rgb = parseColour(colour.value);
      if (rgb) kept.set(colour.name, { colour, rgb });
      else problems.push(`${colour.from} ${colour.value} cannot be checked for contrast (use a hex or rgb() colour without transparency); the widget uses its own ${WORDS[colour.name]} instead.`);
    }
    const hover = () => derivedHover(kept, mode);
    const colourOf = (name: BrandColour): Rgb =>
      kept.get(name)?.rgb ?? (name === 'accent-hover' ? hover() : null) ?? (parseColour(defaults[mode][name]) as Rgb);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [fg, bg] of PAIRS) {
        const ratio = contrastRatio(colourOf(fg), colourOf(bg));
        if (ratio >= MIN_CONTRAST) continue;
        const dropped = kept.has(fg) ? fg : kept.has(bg) ? bg : bg === 'accent-hover' && kept.has('accent') ? 'accent' : null;
        if (!dropped) continue;
        const partner = dropped === fg ? bg : fg;
        problems.push(tooFaint(kept.get(dropped)?.colour as RequestedColour, partner, toHex(colourOf(partner)), ratio, mode, theme));
        kept.delete(dropped);
        changed = true;
      }
    }
    const prefix = mode === 'dark' ? '--backcheck-host-dark-' : '--backcheck-host-';
    // Dropped colours are set to `initial`, which makes the stylesheet fall back to its own value for this theme.
    for (const colour of wanted) properties[`${prefix}${colour.name}`] = kept.get(colour.name)?.colour.value ?? 'initial';
    const ownHover = hover();
    if (ownHover && !wanted.some((c) => c.name === 'accent-hover')) properties[`${prefix}accent-hover`] = toHex(ownHover);
  }
  return { properties, problems };
}

/** A hover colour for a clinic's accent that has none: darker in the light theme, lighter in the dark one. */
function derivedHover(kept: ReadonlyMap<BrandColour, { rgb: Rgb }>, mode: Mode): Rgb | null {
  if (kept.has('accent-hover')) return null;
  const accent = kept.get('accent')?.rgb;
  return accent ? mix(accent, mode === 'light' ? BLACK : WHITE, 0.2) : null;
}

function tooFaint(colour: RequestedColour, partner: BrandColour, partnerValue: string, ratio: number, mode: Mode, theme: Theme): string {
  const where = theme === 'auto' ? `in the ${mode} theme (theme="auto" shows it when the device is set to ${mode} mode)` : `in the ${mode} theme`;
  const fix =
    mode === 'dark' && colour.name === 'accent'
      ? ' Give a lighter dark-accent-color (or --backcheck-dark-accent) for dark mode, or use theme="light".'
      : ` Choose a colour with at least ${MIN_CONTRAST}:1 against ${partnerValue}.`;
  return (
    `${colour.from} ${colour.value} has a contrast of ${formatRatio(ratio)} with the ${WORDS[partner]} ${partnerValue} ${where}; ` +
    `WCAG AA needs ${MIN_CONTRAST}:1 for text, so the widget uses its own ${WORDS[colour.name]} there instead.${fix}`
  );
}

/**
 * Sets the plan's properties (plus radius and font) on `root`, removing any this function set before that are no
 * longer wanted; returns the names it set, to pass back next time.
 */
export function applyBrandProperties(root: HTMLElement, properties: Record<string, string>, before: ReadonlySet<string>): Set<string> {
  for (const name of before) if (!(name in properties)) root.style.removeProperty(name);
  for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value);
  return new Set(Object.keys(properties));
}

/** Radius and font from the options, as root properties (font `inherit` is resolved by the element). */
function shapeProperties(brand: Brand, font: string | null): Record<string, string> {
  const properties: Record<string, string> = {};
  if (brand.radius !== null) properties['--backcheck-host-radius'] = `${brand.radius}px`;
  if (font) properties['--backcheck-host-font'] = font;
  return properties;
}

/**
 * The whole plan for one widget: the clinic's colours (CSS first, then options, which win), checked against the
 * stylesheet's own colours, plus radius and font (`font`: the stack to use, the element resolves `inherit`).
 */
export function widgetBrand(options: Pick<EmbedOptions, 'brand' | 'theme'>, cssColours: RequestedColour[], font: string | null): BrandPlan {
  const plan = planBrand(mergeColours(cssColours, coloursFromOptions(options.brand)), options.theme, themeColours);
  return { properties: { ...plan.properties, ...shapeProperties(options.brand, font) }, problems: plan.problems };
}
