// A grouped check of facts (`facts: true`) may list six items; the allowance must not reach signs that need the
// emergency number (its clinical check of rules 3.0.0, condition 9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintRules } from '../../src/lint/lint.ts';
import { loadRules } from '../../src/rules/load.ts';
import { MAIN_RULES_FILE } from '../helpers.ts';

const text = readFileSync(MAIN_RULES_FILE, 'utf8');

function lintText(source: string) {
  const loaded = loadRules(source, 'rules/r.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return lintRules(loaded.rules).filter((f) => f.severity === 'error');
}

describe('a grouped check of facts', () => {
  it('holds the shipped history check, whose known aorta condition is not an emergency on its own', () => {
    expect(text).toContain('    facts: true\n    title: { en: "Do any of these apply to you?"');
    expect(lintText(text)).toEqual([]);
  });

  it('refuses the maternity signs marked as facts: a Yes to any of them is an emergency', () => {
    const marked = text.replace('  - id: maternity_signs\n    kind: group\n', '  - id: maternity_signs\n    kind: group\n    facts: true\n');
    expect(marked).not.toBe(text);
    const messages = lintText(marked).map((f) => f.message);
    expect(messages).toContainEqual(expect.stringMatching(/"rf_contractions" in the facts check "maternity_signs" is an emergency on its own \(red flag "maternity_signs"\)/));
    expect(messages).toContainEqual(expect.stringMatching(/"rf_heavy_bleeding" in the facts check "maternity_signs" is an emergency on its own/));
  });
});
