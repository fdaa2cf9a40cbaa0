// The summary a person keeps says which rules made it and whether a clinician signed them off: the build only
// passes on a sign-off that matches the content, so `meta.signoff` in the browser means "signed off, as is".
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.ts';
import { catalogues } from '../../src/i18n/index.ts';
import { summaryText } from '../../src/ui/summary-text.ts';
import { miniRules } from '../helpers.ts';

describe('the summary and the sign-off', () => {
  const rules = miniRules();
  const signed = { ...rules, meta: { ...rules.meta, signoff: { by: 'Dr Ana Ruiz, GP', on: '2026-12-01', contentHash: `sha256:${'a'.repeat(64)}` } } };
  const when = new Date('2026-12-02T10:00:00Z');

  it('says the rules version and that it is not signed off yet, in English and Spanish', () => {
    const result = evaluate(rules, {});
    expect(summaryText(rules, {}, result, catalogues.en, 'en', when)).toContain('Rules: Mini check, version 0.0.1, not yet signed off by a clinician');
    expect(summaryText(rules, {}, result, catalogues.es, 'es', when)).toContain('Reglas: Mini check, versión 0.0.1, aún sin la aprobación de un profesional clínico');
  });

  it('says when a clinician signed them off', () => {
    const result = evaluate(signed, {});
    expect(summaryText(signed, {}, result, catalogues.en, 'en', when)).toContain('Rules: Mini check, version 0.0.1, signed off by a clinician on 2026-12-01');
  });
});
