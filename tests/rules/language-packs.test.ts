// The check downloads the rules' structure and the words of one language; every text must come out exactly as the
// rules file says it, in each language, and no text may ever be missing while the other language's words load.
import { describe, expect, it } from 'vitest';
import { personFacingRules } from '../../src/build/rules-plugin.ts';
import { fillTexts, splitTexts } from '../../src/rules/language-packs.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { localize, LOCALES, type Locale } from '../../src/rules/text.ts';
import { mainRules } from '../helpers.ts';

const rules = personFacingRules(mainRules());

/** Every text of the rules, localized, in a fixed order. */
function wordsOf(value: unknown, locale: Locale): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => wordsOf(v, locale));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string' || typeof record.$ === 'number') return [localize(record as Rules['meta']['title'], locale)];
  return Object.values(record).flatMap((v) => wordsOf(v, locale));
}

describe('the rules in language packs', () => {
  it("ship none of the clinicians' notes: no rationale or source in any rule a person's check downloads", () => {
    const full = mainRules();
    const shipped = JSON.stringify(splitTexts(rules).shape);
    const notes = [...full.redFlags, ...full.consultSigns, ...full.scopeExits, ...full.advice].flatMap((r) => [r.rationale, r.source ?? '']);
    expect(notes.length).toBeGreaterThan(200);
    for (const note of notes.filter((n) => n.length > 20)) expect(shipped).not.toContain(note);
    expect(shipped).not.toMatch(/"(rationale|source)":"[^"]/);
    // Nor the reasons a clinician accepted a linter warning for.
    const accepted = full.redFlags.flatMap((r) => r.accepted ?? []).map((a) => a.reason);
    expect(accepted.length).toBeGreaterThan(0);
    for (const reason of accepted) expect(shipped).not.toContain(reason);
  });

  it('give back every text exactly, in English and in Spanish', () => {
    const { shape, packs } = splitTexts(rules);
    expect(packs.en.length).toBeGreaterThan(300);
    expect(packs.es).toHaveLength(packs.en.length);
    for (const locale of LOCALES) {
      const copy = structuredClone(shape);
      fillTexts(copy, locale, packs[locale]);
      expect(wordsOf(copy, locale)).toEqual(wordsOf(rules, locale));
    }
    // The structure itself carries no words.
    expect(JSON.stringify(shape)).not.toContain(rules.questions[0]!.text.en);
  });

  it('show the first language to arrive in place of the other until its words come', () => {
    const { shape, packs } = splitTexts(rules);
    fillTexts(shape, 'es', packs.es);
    expect(wordsOf(shape, 'en')).toEqual(wordsOf(rules, 'es'));
    fillTexts(shape, 'en', packs.en);
    expect(wordsOf(shape, 'en')).toEqual(wordsOf(rules, 'en'));
    expect(wordsOf(shape, 'es')).toEqual(wordsOf(rules, 'es'));
  });
});
