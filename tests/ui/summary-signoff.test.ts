// The summary a person keeps says which rules made it and whether a clinician signed them off: the build only
// passes on a sign-off that matches the content, so `meta.signoff` in the browser means "signed off, as is".
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.ts';
import { catalogues } from '../../src/i18n/index.ts';
import { professionalSummary, summaryText } from '../../src/ui/summary-text.ts';
import { miniRules } from '../helpers.ts';

describe('the summary and the sign-off', () => {
  const rules = miniRules();
  const signed = { ...rules, meta: { ...rules.meta, signoff: { by: 'Dr Ana Ruiz, GP', on: '2026-12-01', contentHash: `sha256:${'a'.repeat(64)}` } } };
  const when = new Date('2026-12-02T10:00:00Z');
  const text = (r: typeof rules, locale: 'en' | 'es') =>
    summaryText(professionalSummary(r, {}, evaluate(r, {}, locale), catalogues[locale], locale, when), catalogues[locale]);

  it('says the rules version and that it is not signed off yet, in English and Spanish', () => {
    expect(text(rules, 'en')).toContain('Rules 0.0.1, not signed off by a clinician.');
    expect(text(rules, 'es')).toContain('Reglas 0.0.1, sin aprobar por un profesional clínico.');
  });

  it('says when a clinician signed them off', () => {
    expect(text(signed, 'en')).toContain('Rules 0.0.1, signed off by a clinician on 2026-12-01.');
  });
});
