// `npm run bench:first-question [-- --loads n] [-- --dir <built app>]`: the side-by-side first question alone
// (bench/first-question.ts) with its budget, for trying a change to how the check loads: no engine, linter, impact
// or review figures, and our loads stop at the first question. The full bench (`npm run bench`) stays the record.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, loadRules } from '../src/rules/load.ts';
import { BUDGETS } from './budgets.ts';
import { buildApp } from './build.ts';
import { benchFirstQuestion, COLD_LOADS } from './first-question.ts';
import { median } from './stats.ts';
import { buildSurveyJs } from './surveyjs/build.ts';
import { kB, ms, table } from './table.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    rules: { type: 'string', default: join(ROOT, 'rules/lower-back-after-workout.yaml') },
    loads: { type: 'string', default: String(COLD_LOADS) },
    /** A folder already built (e.g. `vite build --outDir /tmp/a`), to compare builds without rebuilding. */
    dir: { type: 'string' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);

const rulesFile = resolve(args.rules ?? '');
const loaded = loadRules(readFileSync(rulesFile, 'utf8'), rulesFile);
if (!loaded.ok) {
  say(`The rules file is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
  process.exit(1);
}
let outDir = args.dir ? resolve(args.dir) : null;
if (!outDir) {
  const app = await buildApp(ROOT);
  if (!app.ok) {
    say(`The app did not build: ${app.reason}`);
    process.exit(1);
  }
  outDir = app.outDir;
}
const surveyDir = await buildSurveyJs(loaded.rules);
const loads = Number(args.loads);
say(`First question, side by side: ${loads} cold loads of each, alternating (${outDir})`);
const f = await benchFirstQuestion(outDir, surveyDir, loads);
const sj = f.surveyjs;
say(f.profile);
say(
  table(
    ['page', 'median', 'start painted', 'start -> question', 'each load (ms)', 'to the question'],
    [
      ['backcheck', ms(f.backcheck.medianMs), ms(median(f.loads.map((l) => l.startReadyMs))), ms(median(f.loads.map((l) => l.startToQuestionMs))), f.loads.map((l) => Math.round(l.firstQuestionMs)).join(' '), kB(f.backcheck.questionBytes)],
      ['SurveyJS', ms(sj.medianMs), ms(sj.median.startReadyMs), ms(sj.median.startToQuestionMs), sj.loads.map((l) => Math.round(l.firstQuestionMs)).join(' '), kB(sj.questionBytes)],
    ],
  ),
);
const ok = f.ratioVsSurveyJS >= BUDGETS.firstQuestionRatioVsSurveyJS;
say(`SurveyJS / backcheck: ${f.ratioVsSurveyJS.toFixed(2)}x (budget >= ${BUDGETS.firstQuestionRatioVsSurveyJS}): ${ok ? 'ok' : 'OVER'}`);
process.exit(ok ? 0 : 1);

