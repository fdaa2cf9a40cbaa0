// WCAG contrast arithmetic for the clinic's colours, against values published with WCAG and common tools.
import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, mix, parseColour, toHex } from '../../src/embed/contrast.ts';

const ratio = (a: string, b: string) => contrastRatio(parseColour(a)!, parseColour(b)!);

describe('contrast', () => {
  it('measures black on white as 21:1, a colour on itself as 1:1, in either order', () => {
    expect(ratio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(ratio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(ratio('#0b5cad', '#0b5cad')).toBe(1);
  });

  it('puts the well-known #767676 just above 4.5:1 on white and #777777 just below', () => {
    expect(ratio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('#777777', '#ffffff')).toBeLessThan(4.5);
    // Shown rounded down, so a colour shown as passing really passes.
    expect(formatRatio(ratio('#777777', '#ffffff'))).toBe('4.47:1');
  });

  it('reads hex, rgb(), rgba() without transparency and color(srgb), and refuses the rest', () => {
    expect(parseColour('#0A6E4F')).toEqual([10, 110, 79]);
    expect(parseColour('#abc')).toEqual([170, 187, 204]);
    expect(parseColour('rgb(10, 110, 79)')).toEqual([10, 110, 79]);
    expect(parseColour('rgb(10 110 79)')).toEqual([10, 110, 79]);
    expect(parseColour('rgba(10, 110, 79, 1)')).toEqual([10, 110, 79]);
    expect(parseColour('color(srgb 1 0.5 0)')).toEqual([255, 128, 0]);
    for (const bad of ['rgba(10, 110, 79, 0.5)', 'oklch(0.5 0.1 180)', 'teal', '#12345', 'rgb(300, 0, 0)', '']) {
      expect(parseColour(bad), bad).toBeNull();
    }
  });

  it('mixes towards another colour and writes hex', () => {
    expect(toHex(mix([0, 0, 0], [255, 255, 255], 0.5))).toBe('#808080');
    expect(toHex(mix([10, 110, 79], [0, 0, 0], 0))).toBe('#0a6e4f');
  });
});
