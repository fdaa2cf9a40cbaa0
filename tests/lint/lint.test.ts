// rules:check's analysis, as a clinician meets it: the shipped rules pass, and each kind of unsafe or broken edit
// is rejected with a finding that names the rule and says why.
import { describe, expect, it } from 'vitest';
import { lintRules } from '../../src/lint/lint.ts';
import type { Finding } from '../../src/lint/finding.ts';
import { scaleRules } from '../../src/lint/generate.ts';
import { RulesSchema } from '../../src/rules/schema.ts';
import { mainRules, miniRules } from '../helpers.ts';
import { editedRules } from './edit-rules.ts';

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const errorText = (findings: Finding[]) => errors(findings).map((f) => `${f.path.join('.')}: ${f.message}`);

describe('the shipped rules', () => {
  it('have no errors', () => {
    expect(errorText(lintRules(mainRules()))).toEqual([]);
    expect(errorText(lintRules(miniRules()))).toEqual([]);
  });

  it('flag a question whose answer nothing uses', () => {
    const rules = editedRules((d) => {
      d.questions.push({ id: 'unused', section: 'habits', type: 'single', text: { en: 'Unused?' }, options: [{ id: 'a', label: { en: 'A' } }, { id: 'b', label: { en: 'B' } }] });
    });
    expect(lintRules(rules)).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"unused" is asked but no rule') }));
  });
});

describe('red-flag dominance', () => {
  it('rejects a red flag that another section\'s answer can switch off with "not"', () => {
    const rules = editedRules((d) => {
      d.redFlags[0] = { ...d.redFlags[0], when: { all: [{ question: 'rf_big', is: 'yes' }, { not: { question: 'lifts', is: 'yes' } }] } };
    });
    const found = errors(lintRules(rules)).filter((f) => f.check === 'red-flag dominance');
    expect(found.map((f) => f.message).join('\n')).toMatch(/red flag "big" has a "not" over "lifts"/);
    // The sampled cross-check with evaluate sees the downgrade too.
    expect(found.some((f) => /sampled check/.test(f.message))).toBe(true);
  });

  it('rejects a red flag made reachable only through another section\'s answer (showIf)', () => {
    const rules = editedRules((d) => {
      const late = d.questions.find((q) => q.id === 'late_flag');
      if (late) late.showIf = { question: 'age', is: 'adult' };
    });
    expect(errorText(lintRules(rules)).join('\n')).toMatch(/red flag "late" can be switched off by the answer to "age"/);
  });

  it('rejects a red flag whose question can never be shown', () => {
    const rules = editedRules((d) => {
      const late = d.questions.find((q) => q.id === 'late_flag');
      if (late) late.showIf = { all: [{ question: 'lifts', is: 'yes' }, { question: 'lifts', is: 'no' }] };
    });
    const text = errorText(lintRules(rules)).join('\n');
    expect(text).toMatch(/question "late_flag" is never shown/);
    expect(text).toMatch(/red flag "late" can never fire/);
  });

  it('accepts a red flag that needs another answer when a lower rule covers its own answers alone', () => {
    const rules = editedRules((d) => {
      d.consultSigns.push({ id: 'small_unsure', when: { question: 'rf_big', is: 'not_sure' }, level: 'consult', reason: { en: 'Maybe.' }, rationale: 'test' });
      d.redFlags[1] = { ...d.redFlags[1], when: { all: [{ question: 'rf_big', is: 'not_sure' }, { question: 'age', is: 'adult' }] } };
    });
    const findings = lintRules(rules).filter((f) => f.check === 'red-flag dominance');
    expect(findings).toEqual([]);
  });
});

describe('sources', () => {
  it('rejects a rule that sets an urgency without a source, at its id', () => {
    const rules = editedRules((d) => {
      delete d.redFlags[0]?.source;
    });
    expect(errorText(lintRules(rules)).join('\n')).toMatch(/"big" sets an urgency but has no source: name the guideline or study it rests on/);
  });
});

describe('completeness and conflicts', () => {
  it('rejects evidence that can only be true when a red flag has already decided', () => {
    const rules = editedRules((d) => {
      d.causes[0]?.evidence.push({ id: 'big_flag_evidence', when: { question: 'rf_big', is: 'yes' }, weight: 2 });
    });
    expect(errorText(lintRules(rules)).join('\n')).toMatch(/evidence "big_flag_evidence" can never count: whenever it is true, red flag "big" decides/);
  });

  it('rejects a cause that can never become likely', () => {
    const rules = editedRules((d) => {
      const cause = d.causes[0];
      if (cause) cause.thresholds = { likely: 9, possible: 1 };
    });
    expect(errorText(lintRules(rules)).join('\n')).toMatch(/cause "posture" can never be likely: the highest score any answers give is 4, below its "likely" threshold 9/);
  });

  it('rejects a rule that can never fire, and notices when a level is never produced', () => {
    const rules = editedRules((d) => {
      d.consultSigns[0] = { ...d.consultSigns[0], when: { all: [{ question: 'pain', atLeast: 8 }, { question: 'pain', atMost: 3 }] } };
    });
    const text = errorText(lintRules(rules)).join('\n');
    expect(text).toMatch(/consult sign "bad_pain" can never fire/);
    expect(text).not.toMatch(/no answers lead to "consult"/); // the scope exit still gives consult
  });

  it('rejects two red flags with the same condition but different levels', () => {
    const rules = editedRules((d) => {
      d.redFlags.push({ id: 'big_again', when: { question: 'rf_big', isAny: ['yes'] }, level: 'urgent', reason: { en: 'Big.' }, rationale: 'test' });
    });
    expect(errorText(lintRules(rules)).join('\n')).toMatch(/red flag "big_again" \(urgent\) and red flag "big" \(emergency\) have the same condition but different levels/);
  });

  it('warns about a lower rule that never changes the urgency', () => {
    const rules = editedRules((d) => {
      d.consultSigns.push({ id: 'big_consult', when: { all: [{ question: 'rf_big', is: 'yes' }, { question: 'age', is: 'adult' }] }, level: 'consult', reason: { en: 'Big.' }, rationale: 'test' });
    });
    expect(lintRules(rules)).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('consult sign "big_consult" (consult) never changes the urgency') }));
  });
});

describe('text', () => {
  it('reports each missing translation when the file declares another language', () => {
    const rules = editedRules((d) => {
      d.meta.locales = ['en', 'es'];
    });
    const missing = errors(lintRules(rules)).filter((f) => f.check === 'text');
    expect(missing.length).toBeGreaterThan(20);
    expect(missing.map((f) => f.path.join('.'))).toContain('questions.0.text');
    expect(missing[0]?.message).toBe('missing "es" translation (meta.locales lists en, es)');
  });
});

describe('scaleRules (benchmark input)', () => {
  it('makes a valid file ten times the size that still passes', { timeout: 30_000 }, () => {
    const big = scaleRules(mainRules(), 10);
    expect(RulesSchema.safeParse(big).success).toBe(true);
    expect(big.questions).toHaveLength(mainRules().questions.length * 10);
    expect(big.redFlags).toHaveLength(mainRules().redFlags.length * 10);
    expect(errorText(lintRules(big))).toEqual([]);
  });
});
