// The burden figures (the short-check issue): screens to the result, words read and response-time-model seconds,
// median and worst case, for people with no warning sign and for each urgency reached, over the clinicians'
// scenarios and over generated populations. Deterministic (seeded answer sets, a fixed model), so they are also
// tests (tests/engine/burden.test.ts) and budgets that fail the bench.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answers } from '../src/engine/answers.ts';
import { burdenFigures, calmAnswerSets, mixedAnswerSets, pathFor, spread, timeEstimate, type BurdenFigures, type Spread } from '../src/engine/burden.ts';
import type { Rules } from '../src/rules/schema.ts';
import { loadScenarioFile } from '../src/scenarios/load.ts';
import { pageWordsByLocale } from '../src/ui/page-words.ts';

export const POPULATION = { calm: 1000, mixed: 3000 } as const;

/** The figures as bench/results.json holds them: without the per-person lists. */
type Figures = Omit<BurdenFigures, 'topCardWordCounts'>;

export interface BurdenReport extends Figures {
  /** The same figures in Spanish (more words per question), over the same population. */
  noWarningSignEs: BurdenFigures['noWarningSign'];
  /** The clinicians' scenarios (rules/scenarios/*.yaml), walked as each person answers. */
  scenarios: Figures & { count: number };
  /** Words in the result's top card over the population and the scenarios, in English and in Spanish. */
  topCard: { en: Spread; es: Spread };
  /** The first screen kind people see: how many steps the warning signs take a person with none (worst case). */
  warningScreensMax: number;
  /** The intro's estimate, in minutes, as the build works it out. */
  estimate: ReturnType<typeof timeEstimate>;
  population: { calm: number; mixed: number; seeds: string };
}

/** Every scenario's answers (with its file's defaults), where they answer all the check asks. */
function scenarioAnswers(root: string, rules: Rules): Answers[] {
  const dir = join(root, 'rules/scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => {
      const loaded = loadScenarioFile(readFileSync(join(dir, f), 'utf8'), f);
      if (!loaded.ok) return [];
      return loaded.file.scenarios.map((s) => ({ ...(loaded.file.defaults?.answers ?? {}), ...s.answers }) as Answers);
    })
    .filter((answers) => {
      try {
        pathFor(rules, answers);
        return true;
      } catch {
        return false;
      }
    });
}

export function benchBurden(root: string, rules: Rules): BurdenReport {
  const words = pageWordsByLocale(rules);
  const calm = calmAnswerSets(rules, POPULATION.calm, 1);
  const population = [...calm, ...mixedAnswerSets(rules, POPULATION.mixed, 2)];
  const { topCardWordCounts: enCards, ...figures } = burdenFigures(rules, population, 'en', words.en);
  const scenarios = scenarioAnswers(root, rules);
  const { topCardWordCounts: scenarioCards, ...scenarioFigures } = burdenFigures(rules, scenarios, 'en', words.en);
  const es = burdenFigures(rules, population, 'es', words.es);
  const esScenarioCards = burdenFigures(rules, scenarios, 'es', words.es).topCardWordCounts;
  const first = rules.sections[0]?.id;
  const warningScreensMax = Math.max(0, ...calm.map((t) => pathFor(rules, t).steps.filter((s) => s.screen.section === first).length));
  return {
    ...figures,
    noWarningSignEs: es.noWarningSign,
    scenarios: { ...scenarioFigures, count: scenarios.length },
    topCard: { en: spread([...enCards, ...scenarioCards]), es: spread([...es.topCardWordCounts, ...esScenarioCards]) },
    warningScreensMax,
    estimate: timeEstimate(rules, words),
    population: { calm: calm.length, mixed: POPULATION.mixed, seeds: 'calm 1, mixed 2 (src/engine/random-answers.ts)' },
  };
}
