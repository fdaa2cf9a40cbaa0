// Build-time rewrite of the app's stylesheet (src/styles/backcheck.css) for the embedded widget. Runs in Node
// (Vite plugin below), never in the browser.
//
// Three things differ from the standalone page:
// 1. `rem` means the *clinic page's* root font size. Pages that set `html { font-size: 62.5% }` (common) would
//    shrink every size in the widget to 10px text. Sizes become `calc(N * var(--backcheck-rem-size))`, a length the
//    widget sets on its own root (the reader's default text size, or the host's `--backcheck-rem`). Media queries
//    keep `rem`: there it already means the browser default, and var() is not allowed.
// 2. The host chooses `theme="light|dark|auto"`. The dark colours live in `@media (prefers-color-scheme: dark)`
//    blocks; each becomes a copy that applies only when the theme is not forced light, plus a copy without the
//    media query for a forced dark theme. The colour values stay in one place, backcheck.css.
// 3. A clinic themes the widget by setting `--backcheck-*` properties on the element; see hostThemeable. In dark mode
//    only the accent colours carry over (a light page colour would undo the dark theme); every colour has a
//    `--backcheck-dark-*` twin for dark mode.
// The plugin also serves `virtual:backcheck-theme-colours`: the default colours of both themes, read from the same
// stylesheet, which brand.ts checks a clinic's colours against.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { BRAND_COLOURS, type ThemeColours } from './brand-colours.ts';
import { EMBED_ROOT_CLASS } from './embed-root.ts';

const REM = /(-?(?:\d+\.?\d*|\.\d+))rem\b/g;
const DARK_MEDIA = /@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{/g;

export function toEmbedCss(css: string): string {
  return hostThemeable(themeDarkBlocks(remToRootSize(css)));
}

const THEME_DECLARATION = /(--backcheck-[a-z0-9-]+)\s*:\s*([^;{}]+);/g;
const HOST_PREFIX = '--backcheck-host-';
/** The colours a clinic's light-theme value also sets in dark mode (its brand); the page colours do not. */
const CARRIED_INTO_DARK: ReadonlySet<string> = new Set(['accent', 'accent-hover', 'on-accent']);

/**
 * The theme variables declared in a dark block become `var(--backcheck-host-dark-accent, <dark default>)`: the
 * clinic's `--backcheck-dark-accent`, or for the accent colours its `--backcheck-accent`, captured on the widget's
 * root (see hostThemeable), else the default.
 */
export function darkThemeable(body: string): string {
  return body.replace(THEME_DECLARATION, (_, name: string, value: string) => `${name}: var(${hostName(name, 'dark')}, ${value.trim()});`);
}

/**
 * backcheck.css sets its theme variables (`--backcheck-accent`...) on `.backcheck` itself, which would hide the
 * values a clinic sets on <backcheck-widget> (an element's own declaration beats an inherited one). Each default
 * becomes `var(--backcheck-host-accent, <default>)`, where `--backcheck-host-accent` is captured on the widget's root
 * from the inherited `--backcheck-accent`: undefined (so the default applies) unless the clinic set it.
 */
export function hostThemeable(css: string): string {
  const names = new Set<string>();
  const darkNames = new Set<string>();
  const out = css.replace(THEME_DECLARATION, (whole, name: string, value: string) => {
    if (value.trim().startsWith(`var(${HOST_PREFIX}dark-`)) {
      darkNames.add(name);
      return whole;
    }
    names.add(name);
    return `${name}: var(${hostName(name, 'light')}, ${value.trim()});`;
  });
  if (names.size === 0 && darkNames.size === 0) return out;
  const captures = [
    ...[...names].map((name) => `  ${hostName(name, 'light')}: var(${name});`),
    ...[...darkNames].map((name) => {
      const twin = `--backcheck-dark-${name.slice('--backcheck-'.length)}`;
      const carried = CARRIED_INTO_DARK.has(name.slice('--backcheck-'.length));
      return `  ${hostName(name, 'dark')}: var(${twin}${carried ? `, var(${name})` : ''});`;
    }),
  ].join('\n');
  return `${out}\n/* The clinic's theme values, inherited from <backcheck-widget> */\n.${EMBED_ROOT_CLASS} {\n${captures}\n}\n`;
}

/** `--backcheck-accent` -> `--backcheck-host-accent` (light) or `--backcheck-host-dark-accent` (dark). */
export function hostName(name: string, mode: 'light' | 'dark'): string {
  return name.replace(/^--backcheck-/, mode === 'dark' ? `${HOST_PREFIX}dark-` : HOST_PREFIX);
}

/** `1.5rem` -> `calc(1.5 * var(--backcheck-rem-size))`, except inside at-rule preludes (`@media (min-width: 36rem)`). */
export function remToRootSize(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const at = css.indexOf('@', i);
    const end = at === -1 ? css.length : at;
    out += replaceRem(css.slice(i, end));
    if (at === -1) break;
    // Copy an at-rule's prelude (up to its `{` or `;`) unchanged.
    const stop = css.slice(at).search(/[{;]/);
    const preludeEnd = stop === -1 ? css.length : at + stop;
    out += css.slice(at, preludeEnd);
    i = preludeEnd;
  }
  return out;
}

function replaceRem(part: string): string {
  return part.replace(REM, (_, n: string) => (Number(n) === 0 ? '0' : `calc(${n} * var(--backcheck-rem-size))`));
}

function themeDarkBlocks(css: string): string {
  let out = '';
  let i = 0;
  const forcedDark: string[] = [];
  for (const match of css.matchAll(DARK_MEDIA)) {
    const open = match.index + match[0].length;
    const close = matchingBrace(css, open - 1);
    const body = darkThemeable(css.slice(open, close));
    out += css.slice(i, open) + prefixSelectors(body, `.${EMBED_ROOT_CLASS}:not([data-theme='light'])`) + '}';
    forcedDark.push(prefixSelectors(body, `.${EMBED_ROOT_CLASS}[data-theme='dark']`));
    i = close + 1;
  }
  out += css.slice(i);
  // Forced dark comes last so it wins over the light defaults at equal or lower specificity.
  return forcedDark.length > 0 ? `${out}\n/* theme="dark" */\n${forcedDark.join('\n')}\n` : out;
}

function matchingBrace(css: string, openIndex: number): number {
  let depth = 0;
  for (let j = openIndex; j < css.length; j++) {
    if (css[j] === '{') depth++;
    else if (css[j] === '}' && --depth === 0) return j;
  }
  throw new Error('backcheck.css: unbalanced braces in a prefers-color-scheme block');
}

/** Prefixes every selector of the plain style rules in `body` (rules only, no nested at-rules). */
function prefixSelectors(body: string, prefix: string): string {
  return body.replace(/(^|})([^{}]+)\{/g, (_, before: string, selectors: string) => {
    const lead = /^\s*/.exec(selectors)?.[0] ?? '';
    const list = selectors
      .split(',')
      .map((s) => `${prefix} ${s.trim()}`)
      .join(', ');
    return `${before}${lead}${list} {`;
  });
}

/**
 * The default colours of both themes, by name without the `--backcheck-` prefix: the first `.backcheck` rule's
 * values (light) and those of the first dark block's `.backcheck` rule. Throws, naming it, if one that brand.ts
 * checks is missing or not a hex colour.
 */
export function themeColours(source: string): ThemeColours {
  const css = source.replace(/\/\*[\s\S]*?\*\//g, '');
  const light = declarations(/(?:^|\})\s*\.backcheck\s*\{([^}]*)\}/.exec(css)?.[1] ?? '');
  // search() ignores the g flag: the first dark block.
  const darkStart = css.search(DARK_MEDIA);
  const dark = declarations(darkStart < 0 ? '' : (/\.backcheck\s*\{([^}]*)\}/.exec(css.slice(darkStart))?.[1] ?? ''));
  const pick = (found: Map<string, string>, mode: string) =>
    Object.fromEntries(
      BRAND_COLOURS.map((name) => {
        const value = found.get(name);
        if (!value || !/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`backcheck.css: the ${mode} theme needs --backcheck-${name} as #rrggbb`);
        return [name, value.toLowerCase()];
      }),
    ) as ThemeColours['light'];
  return { light: pick(light, 'light'), dark: pick(dark, 'dark') };
}

function declarations(body: string): Map<string, string> {
  return new Map([...body.matchAll(THEME_DECLARATION)].map((m) => [(m[1] as string).slice('--backcheck-'.length), (m[2] as string).trim()]));
}

const THEME_COLOURS_ID = 'virtual:backcheck-theme-colours';
const APP_CSS = new URL('../styles/backcheck.css', import.meta.url);

/**
 * Applies `toEmbedCss` to `src/styles/backcheck.css?inline` (the only way the widget imports it), before Vite's own
 * CSS handling minifies it into a string; and serves `virtual:backcheck-theme-colours` from the same file.
 */
export function embedCssPlugin(): Plugin {
  return {
    name: 'backcheck-embed-css',
    enforce: 'pre',
    resolveId: (id) => (id === THEME_COLOURS_ID ? `\0${THEME_COLOURS_ID}` : null),
    load(id) {
      if (id !== `\0${THEME_COLOURS_ID}`) return null;
      this.addWatchFile(APP_CSS.pathname);
      return `export default ${JSON.stringify(themeColours(readFileSync(APP_CSS, 'utf8')))};`;
    },
    transform(code, id) {
      if (!/\/src\/styles\/backcheck\.css\?inline$/.test(id)) return null;
      return { code: toEmbedCss(code), map: null };
    },
  };
}
