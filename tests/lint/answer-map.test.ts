// The answer map of `rules:diff --impact --map`: a version that renames or merges questions is compared on the same
// people (their old answers carried over), not on unanswered questions; a map with a wrong id or an answer that does
// not fit is refused at its line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnswerMap, mappedAnswer, type AnswerMap } from '../../src/lint/answer-map.ts';
import { analyseImpact } from '../../src/lint/impact.ts';
import { loadRules } from '../../src/rules/load.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { loadRulesFile, MAIN_RULES_FILE, mainRules, ROOT } from '../helpers.ts';

const before = mainRules();
/** The shipped rules with the saddle-numbness question renamed, nothing else changed. */
const renamed = (() => {
  const text = readFileSync(MAIN_RULES_FILE, 'utf8').replaceAll('rf_saddle_numbness', 'rf_saddle_area');
  const loaded = loadRules(text, 'renamed.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.rules;
})();
const map = (text: string, to: Rules = renamed) => loadAnswerMap(text, 'map.yaml', before, to);

describe('the answer map', () => {
  // 120 s: the rename changes every rule that reads the question, and the search tries each against all the nearby
  // rules (18 s in-process for the two analyses on rules 3.3.0 and 3.4.0); a draft with a longer several-doubts rule
  // took this shared machine to 62 s under load. A hang still fails.
  it('without it, a renamed warning question looks unanswered and its emergencies look lowered; with it, nothing changes', { timeout: 120_000 }, () => {
    const plain = analyseImpact(before, renamed, { sets: 3000 });
    expect(plain.urgency.lowered).toBeGreaterThan(0);
    const loaded = map('answers:\n  rf_saddle_area: { from: rf_saddle_numbness }\n');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const mapped = analyseImpact(before, renamed, { sets: 3000, map: loaded.map });
    expect(mapped.urgency.lowered).toBe(0);
    expect(mapped.urgency.raised).toBe(0);
    expect(mapped.changes.filter((c) => c.family === 'urgency')).toEqual([]);
  });

  it('renames options and works out answers case by case, ticks added up on a tick list', () => {
    const m: AnswerMap = {
      answers: {
        age_band: { from: 'age_band', options: { age_16_to_35: 'age_20_to_50' } },
        pain_where: {
          cases: [
            { when: { question: 'leg_spread', is: 'below_knee' }, answer: ['low_back', 'below_knee'] },
            { when: { question: 'leg_symptoms', is: 'numbness_tingling' }, answer: ['low_back', 'numb_leg'] },
          ],
          otherwise: ['low_back'],
        },
      },
    };
    const old = (answers: Record<string, string | string[]>) => (id: string) => answers[id];
    expect(mappedAnswer(m, before, 'age_band', old({ age_band: 'age_16_to_35' }))).toBe('age_20_to_50');
    expect(mappedAnswer(m, before, 'age_band', old({ age_band: 'over_50' }))).toBe('over_50');
    expect(mappedAnswer(m, before, 'pain_where', old({ leg_spread: 'below_knee', leg_symptoms: ['numbness_tingling'] }))).toEqual([
      'low_back',
      'below_knee',
      'numb_leg',
    ]);
    expect(mappedAnswer(m, before, 'pain_where', old({ leg_spread: 'stays_in_back' }))).toEqual(['low_back']);
    // No rule for the question: the analysis answers it as without a map.
    expect(mappedAnswer(m, before, 'pain_score', old({}))).toBeUndefined();
  });

  it('refuses unknown questions and answers that do not fit, each at its line', () => {
    const text = [
      'answers:',
      '  rf_saddle_area: { from: rf_no_such_question }',
      '  pain_duration:',
      '    from: pain_duration',
      '    options: { under_3_days: sometime }',
      '  no_such_new_question: { from: pain_score }',
      '  pain_trend:',
      '    cases:',
      '      - { when: { question: pain_trend, is: better }, answer: much_better }',
      '',
    ].join('\n');
    const loaded = map(text);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const found = loaded.problems.map((p) => `${p.line}: ${p.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^2: "rf_no_such_question" is not a question of the old version/),
      expect.stringMatching(/^5: "pain_duration" has no option "sometime"/),
      expect.stringMatching(/^6: "no_such_new_question" is not a question of the new version/),
      expect.stringMatching(/^9: "much_better" is not an option of "pain_trend"/),
    ]);
  });

  it('the shipped 1.0.0 -> 2.0.0 map loads against both versions', () => {
    const v1 = loadRulesFile(`${ROOT}rules/history/lower-back-after-workout-1.0.0.yaml`);
    const loaded = loadAnswerMap(readFileSync(`${ROOT}rules/history/answers-1.0.0-to-2.0.0.yaml`, 'utf8'), 'answers.yaml', v1, before);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });
});
