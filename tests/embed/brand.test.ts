// A clinic's colours are used only where they are readable: each is checked against what it sits on, in every
// theme the widget can show, and replaced by the widget's own colour (with one console sentence) where it is not.
import { describe, expect, it } from 'vitest';
import themeColours from 'virtual:backcheck-theme-colours';
import { coloursFromCss, coloursFromOptions, mergeColours, planBrand, widgetBrand } from '../../src/embed/brand.ts';
import { contrastRatio, parseColour } from '../../src/embed/contrast.ts';
import { parseEmbedOptions, type OptionName } from '../../src/embed/options.ts';

const options = (given: Partial<Record<OptionName, string>>) => parseEmbedOptions((name) => given[name] ?? null).options;
const plan = (given: Partial<Record<OptionName, string>>) => {
  const o = options(given);
  return planBrand(coloursFromOptions(o.brand), o.theme, themeColours);
};

describe('the clinic accent', () => {
  it('a dark green that reads well on white but not on the dark background: kept in light, replaced in dark', () => {
    const { properties, problems } = plan({ 'accent-color': '#0a6e4f', theme: 'auto' });
    expect(properties['--backcheck-host-accent']).toBe('#0a6e4f');
    // `initial` makes the stylesheet use its own dark accent.
    expect(properties['--backcheck-host-dark-accent']).toBe('initial');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^"accent-color" #0a6e4f has a contrast of 2\.95:1 with the background #111418 in the dark theme \(theme="auto"/);
    expect(problems[0]).toMatch(/WCAG AA needs 4\.5:1.*uses its own accent colour there instead\. Give a lighter dark-accent-color/);
  });

  it('with a dark-accent-color that passes, both are used and nothing is logged', () => {
    const { properties, problems } = plan({ 'accent-color': '#0a6e4f', 'dark-accent-color': '#7fd1b9' });
    expect(problems).toEqual([]);
    expect(properties['--backcheck-host-accent']).toBe('#0a6e4f');
    expect(properties['--backcheck-host-dark-accent']).toBe('#7fd1b9');
  });

  it('a teal too light for white text and white pages is refused in light, yet fine in dark', () => {
    const { properties, problems } = plan({ 'accent-color': '#2a9d8f' });
    expect(properties['--backcheck-host-accent']).toBe('initial');
    expect(properties['--backcheck-host-dark-accent']).toBe('#2a9d8f');
    expect(problems).toEqual([expect.stringMatching(/^"accent-color" #2a9d8f has a contrast of 3\.32:1 with the background #ffffff in the light theme/)]);
  });

  it('checks only the theme that can show: a forced light theme never judges the dark one', () => {
    const light = plan({ 'accent-color': '#0a6e4f', theme: 'light' });
    expect(light.problems).toEqual([]);
    expect(Object.keys(light.properties).some((p) => p.includes('dark'))).toBe(false);
    const dark = plan({ 'accent-color': '#0a6e4f', theme: 'dark' });
    expect(dark.problems).toHaveLength(1);
    expect(dark.problems[0]).toMatch(/in the dark theme;/);
  });

  it('gives a kept accent a hover colour that is darker in light and lighter in dark, and readable under button text', () => {
    const { properties } = plan({ 'accent-color': '#0a6e4f', 'dark-accent-color': '#7fd1b9' });
    const light = parseColour(properties['--backcheck-host-accent-hover']!)!;
    const dark = parseColour(properties['--backcheck-host-dark-accent-hover']!)!;
    expect(contrastRatio(light, [255, 255, 255])).toBeGreaterThan(contrastRatio(parseColour('#0a6e4f')!, [255, 255, 255]));
    expect(contrastRatio(dark, parseColour(themeColours.dark['on-accent'])!)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('text and background', () => {
  it('are light-theme colours: a clinic page colour never turns the dark theme light', () => {
    const { properties, problems } = plan({ 'text-color': '#222222', 'background-color': '#fdfbf7' });
    expect(problems).toEqual([]);
    expect(properties).toMatchObject({ '--backcheck-host-text': '#222222', '--backcheck-host-bg': '#fdfbf7' });
    expect(Object.keys(properties).filter((p) => p.startsWith('--backcheck-host-dark-'))).toEqual([]);
  });

  it('refuses a grey text that is too faint, and a dark background the default text cannot be read on', () => {
    expect(plan({ 'text-color': '#777777' }).problems).toEqual([expect.stringMatching(/^"text-color" #777777 has a contrast of 4\.47:1 with the background #ffffff/)]);
    const dark = plan({ 'background-color': '#333333' });
    expect(dark.properties['--backcheck-host-bg']).toBe('initial');
    expect(dark.problems[0]).toMatch(/^"background-color" #333333 has a contrast of .* with the text colour #1b1f24/);
  });

  it('judges the accent against the clinic background it will sit on', () => {
    const { properties, problems } = plan({ 'background-color': '#e6f0ff', 'accent-color': '#4a7bd0', theme: 'light' });
    expect(properties['--backcheck-host-bg']).toBe('#e6f0ff');
    expect(properties['--backcheck-host-accent']).toBe('initial');
    expect(problems[0]).toMatch(/"accent-color" #4a7bd0 .* with the background #e6f0ff/);
  });
});

describe("the custom element's CSS colours", () => {
  const css = (values: Record<string, string>) => coloursFromCss((p) => values[p] ?? null);

  it('carry the accent into dark mode unless a --backcheck-dark-* twin is set; page colours stay light-only', () => {
    const found = css({ '--backcheck-accent': '#0a6e4f', '--backcheck-bg': '#ffffff', '--backcheck-dark-text': '#f0f0f0' });
    expect(found).toEqual(
      expect.arrayContaining([
        { name: 'accent', mode: 'light', value: '#0a6e4f', from: '--backcheck-accent' },
        { name: 'accent', mode: 'dark', value: '#0a6e4f', from: '--backcheck-accent', carried: true },
        { name: 'bg', mode: 'light', value: '#ffffff', from: '--backcheck-bg' },
        { name: 'text', mode: 'dark', value: '#f0f0f0', from: '--backcheck-dark-text' },
      ]),
    );
    expect(found).toHaveLength(4);
  });

  it('are overridden by the options, and a colour that cannot be read is not used', () => {
    const merged = mergeColours(css({ '--backcheck-accent': '#2a9d8f' }), coloursFromOptions(options({ 'accent-color': '#0a6e4f' }).brand));
    expect(merged.filter((c) => c.mode === 'light')).toEqual([{ name: 'accent', mode: 'light', value: '#0a6e4f', from: '"accent-color"' }]);
    // A dark accent given in the CSS is not replaced by the option's light accent carried into dark mode.
    const both = mergeColours(css({ '--backcheck-dark-accent': '#7fd1b9' }), coloursFromOptions(options({ 'accent-color': '#0a6e4f' }).brand));
    expect(both.find((c) => c.mode === 'dark')).toEqual({ name: 'accent', mode: 'dark', value: '#7fd1b9', from: '--backcheck-dark-accent' });
    const dark = planBrand(both, 'auto', themeColours);
    expect(dark.properties['--backcheck-host-dark-accent']).toBe('#7fd1b9');
    expect(dark.problems).toEqual([]);
    // An option given for dark mode still wins over the CSS.
    const given = mergeColours(css({ '--backcheck-dark-accent': '#7fd1b9' }), coloursFromOptions(options({ 'accent-color': '#0a6e4f', 'dark-accent-color': '#9be0c8' }).brand));
    expect(given.find((c) => c.mode === 'dark')?.value).toBe('#9be0c8');
    const unreadable = planBrand(css({ '--backcheck-accent': 'oklch(0.5 0.1 180)' }), 'light', themeColours);
    expect(unreadable.properties['--backcheck-host-accent']).toBe('initial');
    expect(unreadable.problems[0]).toMatch(/^--backcheck-accent oklch\(0\.5 0\.1 180\) cannot be checked for contrast/);
  });
});

describe('widgetBrand', () => {
  it('adds the radius and the font stack to the checked colours', () => {
    const o = options({ radius: '14', font: 'georgia', 'accent-color': '0a6e4f', theme: 'light' });
    expect(widgetBrand(o, [], o.brand.font).properties).toEqual({
      '--backcheck-host-accent': '#0a6e4f',
      '--backcheck-host-accent-hover': expect.stringMatching(/^#[0-9a-f]{6}$/),
      '--backcheck-host-radius': '14px',
      '--backcheck-host-font': expect.stringMatching(/^Georgia, /),
    });
  });
});
