// The build-time rewrite of backcheck.css for the widget: sizes independent of the clinic's html font-size,
// forced light/dark themes from the one set of colours, and theme variables a clinic can override.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostThemeable, remToRootSize, themeColours, toEmbedCss } from '../../src/embed/embed-css.ts';
import { ROOT } from '../helpers.ts';

const appCss = readFileSync(`${ROOT}src/styles/backcheck.css`, 'utf8');

describe('remToRootSize', () => {
  it("turns rem sizes into the widget's own root size, but leaves media queries alone", () => {
    const out = remToRootSize('@media (min-width: 36rem) { .a { margin: 1rem -0.5rem 0 .25rem; width: 0rem } }');
    expect(out).toBe(
      '@media (min-width: 36rem) { .a { margin: calc(1 * var(--backcheck-rem-size)) calc(-0.5 * var(--backcheck-rem-size)) 0 calc(.25 * var(--backcheck-rem-size)); width: 0 } }',
    );
  });

  it('leaves no rem outside at-rule preludes in the real stylesheet', () => {
    const out = toEmbedCss(appCss);
    const outsidePreludes = out.replace(/@[^{;]*[{;]/g, '');
    expect(outsidePreludes).not.toMatch(/\drem\b/);
  });
});

describe('themes', () => {
  const css = '.backcheck { --backcheck-bg: #fff; color: red }\n@media (prefers-color-scheme: dark) {\n  .backcheck { --backcheck-bg: #111; }\n  .x, .y { color: blue; }\n}\n';

  it("keeps the dark colours for theme auto, drops them for theme light, and forces them for theme dark", () => {
    const out = toEmbedCss(css);
    expect(out).toContain(".backcheck-embed:not([data-theme='light']) .backcheck {");
    expect(out).toContain(".backcheck-embed:not([data-theme='light']) .x, .backcheck-embed:not([data-theme='light']) .y {");
    const forced = out.slice(out.indexOf('/* theme="dark" */'));
    expect(forced).toContain(".backcheck-embed[data-theme='dark'] .backcheck { --backcheck-bg: var(--backcheck-host-dark-bg, #111); }");
    expect(forced).not.toContain('@media');
  });

  it("gives every dark colour a --backcheck-dark-* twin; only the accent colours carry the clinic's light value into dark mode", () => {
    const out = toEmbedCss(
      '.backcheck { --backcheck-bg: #fff; --backcheck-accent: #00f; }\n@media (prefers-color-scheme: dark) { .backcheck { --backcheck-bg: #111; --backcheck-accent: #8af; } }',
    );
    expect(out).toContain('--backcheck-host-dark-bg: var(--backcheck-dark-bg);');
    expect(out).toContain('--backcheck-host-dark-accent: var(--backcheck-dark-accent, var(--backcheck-accent));');
    expect(out).toContain('--backcheck-accent: var(--backcheck-host-dark-accent, #8af);');
    // The light rule keeps the light capture.
    expect(out).toContain('--backcheck-accent: var(--backcheck-host-accent, #00f);');
  });

  it('themes every dark block of the real stylesheet', () => {
    const out = toEmbedCss(appCss);
    const darkBlocks = appCss.match(/prefers-color-scheme:\s*dark/g)?.length ?? 0;
    expect(darkBlocks).toBeGreaterThan(0);
    expect(out.match(/\[data-theme='dark'\] \.backcheck \{/g)?.length).toBeGreaterThanOrEqual(1);
    expect(out.match(/:not\(\[data-theme='light'\]\) \.backcheck \{/g)?.length).toBeGreaterThanOrEqual(1);
  });
});

describe('hostThemeable', () => {
  it("lets a value the clinic sets on the element win over the stylesheet's default", () => {
    const out = hostThemeable('.backcheck { --backcheck-accent: #0b5cad; color: var(--backcheck-accent); }');
    expect(out).toContain('--backcheck-accent: var(--backcheck-host-accent, #0b5cad);');
    expect(out).toContain('color: var(--backcheck-accent);');
    expect(out).toMatch(/\.backcheck-embed \{\s*--backcheck-host-accent: var\(--backcheck-accent\);\s*\}/);
  });

  it('makes every theme variable of the real stylesheet overridable, the documented ones included', () => {
    const declared = new Set([...appCss.matchAll(/(--backcheck-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    for (const name of ['--backcheck-accent', '--backcheck-radius', '--backcheck-font', '--backcheck-bg', '--backcheck-text']) {
      expect(declared).toContain(name);
    }
    const out = toEmbedCss(appCss);
    for (const name of declared) expect(out).toContain(`--backcheck-host-${name!.slice('--backcheck-'.length)}: var(${name});`);
  });
});

describe('themeColours', () => {
  it('reads the default colours of both themes from the stylesheet itself', () => {
    const colours = themeColours(appCss);
    expect(colours.light.accent).toBe(/--backcheck-accent:\s*(#[0-9a-f]{6})/i.exec(appCss)?.[1]?.toLowerCase());
    expect(colours.light.bg).toBe('#ffffff');
    const dark = appCss.slice(appCss.indexOf('prefers-color-scheme: dark'));
    expect(colours.dark.accent).toBe(/--backcheck-accent:\s*(#[0-9a-f]{6})/i.exec(dark)?.[1]?.toLowerCase());
    expect(Object.keys(colours.dark).sort()).toEqual(['accent', 'accent-hover', 'bg', 'muted', 'on-accent', 'text']);
  });

  it('fails the build, naming it, when a colour the contrast check needs is missing', () => {
    expect(() => themeColours('.backcheck { --backcheck-bg: #ffffff; }')).toThrow(/light theme needs --backcheck-text as #rrggbb/);
  });
});
