// `npm run bench`: size, first question, engine and linter figures with their budgets (issue #6).
// `npm run bench -- --sizes-only`: the deterministic size budgets alone, fast, for CI.
// Options: --rules <file> (default: the shipped rules), --loads <n> (cold browser loads, default 7).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, loadRules } from '../src/rules/load.ts';
import { BUDGETS, check, failsRun, type BudgetCheck } from './budgets.ts';
import { buildApp, buildEmbed } from './build.ts';
import { benchBurden } from './burden.ts';
import { benchPopulation, populationLines } from './population.ts';
import { POPULATION_HELD_AT } from '../src/population/words.ts';
import type { EngineFigures } from './engine.ts';
import { benchEngineBundled } from './engine-bundled.ts';
import { benchBrowser, COLD_LOADS, type BrowserFigures, type SideBySide } from './first-question.ts';
import { hostInfo } from './host-info.ts';
import { benchImpact, type ImpactFigures } from './impact.ts';
import { benchReviewProblems, type ReviewFigures } from './review-problems.ts';
import { benchLinter, SCALES, type LinterFigures } from './linter.ts';
import { stackFloor, type StackFloor } from './stack-floor.ts';
import { appSizes, dependencyShares, embedSizes, initialJsFiles, wholeCheck, type AppSizes, type DependencyShare, type WholeCheck } from './sizes.ts';
import { buildSurveyJs } from './surveyjs/build.ts';
import { kB, ms, percent, perSecond, table } from './table.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS_FILE = join(ROOT, 'bench/results.json');
/** The UI engineer's root component: the browser part waits for it. */
const UI_ENTRY = join(ROOT, 'src/ui/CheckApp.tsx');

const { values: args } = parseArgs({
  options: {
    'sizes-only': { type: 'boolean', default: false },
    rules: { type: 'string', default: join(ROOT, 'rules/lower-back-after-workout.yaml') },
    loads: { type: 'string', default: String(COLD_LOADS) },
  },
});
const sizesOnly = args['sizes-only'] === true;
const started = performance.now();
const say = (line: string) => process.stdout.write(`${line}\n`);
/** Progress lines carry the elapsed time, so a slow phase shows itself. */
const progress = (line: string) => say(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);

const rulesFile = resolve(args.rules ?? '');
const loaded = loadRules(readFileSync(rulesFile, 'utf8'), rulesFile);
if (!loaded.ok) {
  say(`The rules file is invalid, so nothing can be built or measured:\n${loaded.problems.map(formatProblem).join('\n')}`);
  process.exit(1);
}
const rules = loaded.rules;
const host = hostInfo();
say(`backcheck bench${sizesOnly ? ' (sizes only)' : ''} on ${host.cpuModel}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}`);

// ---- Size ----
progress('Building the standalone app...');
const app = await buildApp(ROOT);
progress('Building the embed (element and iframe host script)...');
const embedBuild = await buildEmbed(ROOT);
const embed = embedSizes(embedBuild);
let sizes: (AppSizes & { wholeCheck: WholeCheck | null; stackFloor: StackFloor | null }) | null = null;
let dependencies: DependencyShare[] = [];
if (app.ok) {
  progress('Building the required stack alone (React, xstate) to measure the floor under the whole check...');
  sizes = {
    ...appSizes(app.outDir, app.chunks),
    wholeCheck: embedBuild.ok ? wholeCheck(app, embedBuild) : null,
    stackFloor: await stackFloor(ROOT, app.chunks),
  };
  const initial = initialJsFiles(readFileSync(join(app.outDir, 'index.html'), 'utf8'), app.chunks);
  dependencies = dependencyShares(app.chunks, initial, ROOT).filter((d) => d.bytes > 0);
}

// ---- Burden (deterministic, so also in --sizes-only) ----
progress('Burden: screens, words and model time over the scenarios and generated people...');
const burden = benchBurden(ROOT, rules);
progress('Reference population: the share sent to each urgency...');
const population = benchPopulation(ROOT, rules, { band: !sizesOnly });

// ---- Timing (skipped with --sizes-only) ----
let browser: BrowserFigures | { skipped: string } = { skipped: 'skipped: --sizes-only' };
let firstQuestion: SideBySide | { skipped: string } = { skipped: 'skipped: --sizes-only' };
let engine: EngineFigures | null = null;
let linter: LinterFigures = { status: 'pending', reason: 'skipped: --sizes-only' };
let impact: ImpactFigures | { skipped: string } = { skipped: 'skipped: --sizes-only' };
let review: ReviewFigures | { skipped: string } = { skipped: 'skipped: --sizes-only' };
if (!sizesOnly) {
  progress('Engine throughput...');
  engine = await benchEngineBundled(ROOT, rulesFile);
  progress('Linter...');
  linter = await benchLinter(ROOT, rulesFile, rules);
  progress('Impact analysis (100,000 answer sets, today\'s rules and ten times larger)...');
  try {
    impact = await benchImpact(ROOT, rulesFile);
  } catch (error) {
    impact = { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  if (!existsSync(UI_ENTRY)) browser = firstQuestion = { skipped: 'skipped: UI not built' };
  else if (!app.ok) browser = firstQuestion = { skipped: `skipped: ${app.reason}` };
  else {
    progress(`First question: ${args.loads} cold loads in throttled Chromium, alternating with SurveyJS (the same questions)...`);
    try {
      ({ browser, firstQuestion } = await benchBrowser(app.outDir, await buildSurveyJs(rules), rules, Number(args.loads)));
    } catch (error) {
      browser = firstQuestion = { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
    progress('/review: a pasted file with 10 errors, to its problems on screen...');
    try {
      review = await benchReviewProblems(app.outDir, readFileSync(rulesFile, 'utf8'));
    } catch (error) {
      review = { skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
  }
}

// ---- Budgets ----
const skippedBecause = (reason: string) => ({ skipped: reason });
const checks: BudgetCheck[] = [
  check(
    'Standalone initial JS (gzip)',
    'size',
    kB(BUDGETS.initialJsGzip),
    sizes ? { value: sizes.initialJs.gzip, shown: kB(sizes.initialJs.gzip) } : skippedBecause(app.ok ? '' : app.reason),
    (v) => v <= BUDGETS.initialJsGzip,
  ),
  check(
    'Embed initial JS+CSS (gzip)',
    'size',
    kB(BUDGETS.embedGzip),
    embed.status === 'built' ? { value: embed.bundle.gzip, shown: kB(embed.bundle.gzip) } : skippedBecause('not built'),
    (v) => v <= BUDGETS.embedGzip,
  ),
  check(
    'Iframe host script (gzip)',
    'size',
    kB(BUDGETS.iframeHostGzip),
    embed.status === 'built' && embed.host ? { value: embed.host.gzip, shown: kB(embed.host.gzip) } : skippedBecause('not built'),
    (v) => v <= BUDGETS.iframeHostGzip,
  ),
  check(
    'Whole check, opening to result (gzip, worst way in)',
    'size',
    kB(BUDGETS.wholeCheckGzip),
    sizes?.wholeCheck ? { value: sizes.wholeCheck.gzip, shown: `${kB(sizes.wholeCheck.gzip)} (${sizes.wholeCheck.worst})` } : skippedBecause('not built'),
    (v) => v <= BUDGETS.wholeCheckGzip,
  ),
  check(
    "Whole check: issue #17's target (reported, not met on React)",
    'target',
    kB(BUDGETS.wholeCheckGzipTarget),
    sizes?.wholeCheck ? { value: sizes.wholeCheck.gzip, shown: kB(sizes.wholeCheck.gzip) } : skippedBecause('not built'),
    (v) => v <= BUDGETS.wholeCheckGzipTarget,
  ),
  check(
    "Issue #17's target against the floor: required stack + rules, no screens",
    'target',
    kB(BUDGETS.wholeCheckGzipTarget),
    sizes?.stackFloor ? { value: sizes.stackFloor.gzip, shown: `${kB(sizes.stackFloor.gzip)} (${kB(sizes.stackFloor.stackGzip)} + ${kB(sizes.stackFloor.rulesGzip)})` } : skippedBecause('not built'),
    (v) => v <= BUDGETS.wholeCheckGzipTarget,
  ),
  check(
    'No warning sign: screens to the result (worst)',
    'burden',
    `<= ${BUDGETS.noWarningScreensMax}`,
    { value: burden.noWarningSign.screens.max, shown: String(burden.noWarningSign.screens.max) },
    (v) => v <= BUDGETS.noWarningScreensMax,
  ),
  check(
    'No warning sign: model time (median)',
    'burden',
    `<= ${BUDGETS.noWarningMinutesMedian} min`,
    { value: burden.noWarningSign.modelSeconds.median, shown: minutes(burden.noWarningSign.modelSeconds.median) },
    (v) => v <= BUDGETS.noWarningMinutesMedian * 60,
  ),
  check(
    'No warning sign: every visible word and the top card, model time (median)',
    'burden',
    `<= ${BUDGETS.noWarningAllWordsSecondsMedian} s`,
    { value: burden.noWarningSign.modelSecondsAllWords.median, shown: `${burden.noWarningSign.modelSecondsAllWords.median} s` },
    (v) => v <= BUDGETS.noWarningAllWordsSecondsMedian,
  ),
  check(
    'Result top card: words (worst, English and Spanish)',
    'burden',
    `<= ${BUDGETS.topCardWordsMax}`,
    (() => {
      const worst = Math.max(burden.topCard.en.max, burden.topCard.es.max);
      return { value: worst, shown: `${burden.topCard.en.max} / ${burden.topCard.es.max}` };
    })(),
    (v) => v <= BUDGETS.topCardWordsMax,
  ),
  check(
    'No warning sign: warning-sign screens (worst)',
    'burden',
    `<= ${BUDGETS.warningScreensMax}`,
    { value: burden.warningScreensMax, shown: String(burden.warningScreensMax) },
    (v) => v <= BUDGETS.warningScreensMax,
  ),
  // The right-care budgets on the reference population (deterministic: a fixed seed and model).
  ...population.held.map((b) => ({ name: `Population: ${b.name} (held at ${POPULATION_HELD_AT})`, kind: 'burden' as const, limit: b.limit, actual: b.actual, status: b.ok ? ('ok' as const) : ('OVER' as const) })),
  ...population.budgets.map((b) => ({ name: `Population: ${b.name} (right-care issue)`, kind: 'target' as const, limit: b.limit, actual: b.actual, status: b.ok ? ('ok' as const) : ('OVER' as const) })),
];
if (!sizesOnly) {
  checks.push(
    check(
      'First question, median (throttled)',
      'timing',
      ms(BUDGETS.firstQuestionMs),
      'skipped' in browser ? browser : { value: browser.median.firstQuestionMs, shown: ms(browser.median.firstQuestionMs) },
      (v) => v <= BUDGETS.firstQuestionMs,
    ),
    check(
      'First question: SurveyJS time / ours, same run',
      'ratio',
      `>= ${BUDGETS.firstQuestionRatioVsSurveyJS}`,
      'skipped' in firstQuestion ? firstQuestion : { value: firstQuestion.ratioVsSurveyJS, shown: `${firstQuestion.ratioVsSurveyJS.toFixed(2)}x` },
      (v) => v >= BUDGETS.firstQuestionRatioVsSurveyJS,
    ),
    check(
      'evaluate calls per second',
      'timing',
      `>= ${perSecond(BUDGETS.evaluatePerSecond)}`,
      engine ? { value: engine.evaluatePerSecond, shown: perSecond(engine.evaluatePerSecond) } : skippedBecause('not run'),
      (v) => v >= BUDGETS.evaluatePerSecond,
    ),
    rulesCheckBudget(linter),
    ...([
      ['1', "today's rules", BUDGETS.impactTodayMs],
      ['10', 'rules x10', BUDGETS.impactTenTimesMs],
    ] as const).map(([factor, name, limit]) =>
      check(
        `Impact, 100,000 answer sets, ${name}`,
        'timing',
        `< ${ms(limit)}`,
        'skipped' in impact ? impact : { value: impact.ms[factor] as number, shown: ms(impact.ms[factor] as number) },
        (v) => v < limit,
      ),
    ),
    check(
      '/review: pasted file, 10 errors -> problems shown',
      'timing',
      `< ${ms(BUDGETS.reviewProblemsMs)}`,
      'skipped' in review ? review : { value: review.medianMs, shown: ms(review.medianMs) },
      (v) => v < BUDGETS.reviewProblemsMs,
    ),
    check(
      'Lint time growth (log-log slope)',
      'timing',
      `<= ${BUDGETS.lintGrowthExponent} (1 = linear)`,
      linter.status === 'measured' ? { value: linter.growthExponent, shown: linter.growthExponent.toFixed(2) } : skippedBecause(linter.reason),
      (v) => v <= BUDGETS.lintGrowthExponent,
    ),
  );
}

printReport();
const totalSeconds = (performance.now() - started) / 1000;
writeFileSync(
  RESULTS_FILE,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      mode: sizesOnly ? 'sizes-only' : 'full',
      host,
      rules: { file: rulesFile, id: rules.meta.id, version: rules.meta.version, questions: rules.questions.length },
      note: 'Every timing is a median of several runs; sizes are per file, gzip level 9 and brotli quality 11, 1 kB = 1000 B.',
      build: app.ok ? { ok: true, ms: app.ms, chunks: app.chunks.map(({ modules: _m, ...chunk }) => chunk) } : app,
      sizes,
      dependencies: dependencies.map(({ initialGzipAlone: _g, ...d }) => d),
      embed,
      burden,
      result: { topCardWords: burden.topCard.en, topCardWordsEs: burden.topCard.es },
      population,
      firstQuestion,
      browser,
      engine,
      linter,
      impact,
      review,
      budgets: checks,
      totalSeconds,
    },
    null,
    2,
  )}\n`,
);
say(`\nWrote ${RESULTS_FILE} in ${totalSeconds.toFixed(0)} s.`);
const failed = failsRun(checks) || !app.ok;
if (failed) say(app.ok ? 'A size or burden budget is missed: failing.' : `The app could not be built (${app.reason}): failing.`);
process.exit(failed ? 1 : 0);

// ---- helpers ----

function rulesCheckBudget(figures: LinterFigures): BudgetCheck {
  const limit = `< ${ms(BUDGETS.rulesCheckMs)}`;
  if (figures.status !== 'measured') return check('rules:check on today\'s rules', 'timing', limit, { skipped: figures.reason }, () => true);
  // The command as a clinician runs it when it exists (start-up included), else the in-process work.
  const value = figures.cliMs?.today ?? (figures.inProcessMs['1'] as number);
  const shown = `${ms(value)}${figures.cliMs ? ' (CLI)' : ' (in-process)'}`;
  return check('rules:check on today\'s rules', 'timing', limit, { value, shown }, (v) => v < BUDGETS.rulesCheckMs);
}

function printReport(): void {
  say('\nREFERENCE POPULATION (rules/population/gym-goers.yaml)');
  for (const line of populationLines(population)) say(line);
  say('\nSIZE (per file: raw / gzip -9 / brotli -q11; initial = loaded by index.html, lazy chunks excluded)');
  const sizeRows: string[][] = [];
  if (sizes) {
    const row = (name: string, g: { raw: number; gzip: number; brotli: number; files: unknown[] }) =>
      sizeRows.push([name, String(g.files.length), kB(g.raw), kB(g.gzip), kB(g.brotli)]);
    row('standalone initial JS', sizes.initialJs);
    row('standalone initial CSS', sizes.initialCss);
    row('standalone lazy JS', sizes.lazyJs);
    row('standalone all JS', sizes.allJs);
    row('standalone all CSS', sizes.allCss);
  } else {
    sizeRows.push(['standalone app', '-', '-', '-', '-']);
    say(`standalone app: ${app.ok ? '' : app.reason}`);
  }
  if (embed.status === 'built') {
    sizeRows.push(['embed initial JS+CSS', String(embed.bundle.files.length), kB(embed.bundle.raw), kB(embed.bundle.gzip), kB(embed.bundle.brotli)]);
    sizeRows.push(['embed lazy chunks', String(embed.lazy.files.length), kB(embed.lazy.raw), kB(embed.lazy.gzip), kB(embed.lazy.brotli)]);
    if (embed.host) sizeRows.push(['iframe host script', String(embed.host.files.length), kB(embed.host.raw), kB(embed.host.gzip), kB(embed.host.brotli)]);
    else sizeRows.push(['iframe host script (none built)', '-', '-', '-', '-']);
  } else {
    sizeRows.push(['embed bundle', '-', '-', '-', '-']);
  }
  for (const [way, g] of Object.entries(sizes?.wholeCheck?.ways ?? {})) {
    sizeRows.push([`whole check, ${way}`, String(g.files.length), kB(g.raw), kB(g.gzip), kB(g.brotli)]);
  }
  say(table(['what', 'files', 'raw', 'gzip', 'brotli'], sizeRows));
  if (embed.status !== 'built') say(`embed bundle: not built (${embed.reason})`);
  say('whole check = the page (or the clinic\'s script tags), everything it loads, and everything it may load before the result; never the review page');
  if (sizes?.stackFloor) {
    const f = sizes.stackFloor;
    say(`floor on the required stack: ${kB(f.gzip)} gzip = React, React DOM, xstate and @xstate/react with an empty app (${kB(f.stackGzip)}) + the rules' structure and one language's words (${kB(f.rulesGzip)}); no whole check on this stack can be smaller`);
  }

  if (dependencies.length > 0 && sizes) {
    say('\nWHO THE JS BYTES BELONG TO (bundler module sizes, tree-shaken but unminified; initial gzip shared pro rata to each one\'s own gzip)');
    const initialWeight = dependencies.reduce((s, d) => s + d.initialGzipAlone, 0);
    say(
      table(
        ['dependency', 'all JS', 'share', 'initial JS', '~share of initial gzip'],
        dependencies.slice(0, 12).map((d) => [
          d.name,
          kB(d.bytes),
          percent(d.share),
          kB(d.initialBytes),
          kB(initialWeight > 0 ? (d.initialGzipAlone / initialWeight) * (sizes?.initialJs.gzip ?? 0) : 0),
        ]),
      ),
    );
  }
  printBurden();
  if (sizesOnly) {
    printBudgets();
    return;
  }

  say(`\nFIRST QUESTION AND RESULT (Chromium, ${'skipped' in browser ? '' : `${browser.profile}, `}median of ${args.loads} cold loads)`);
  if ('skipped' in browser) say(browser.skipped);
  else {
    const m = browser.median;
    say(
      table(
        ['step', 'median', 'runs'],
        [
          ['navigation -> scripts and styles downloaded', ms(m.assetsLoadedMs), browser.loads.map((l) => Math.round(l.assetsLoadedMs)).join(' ')],
          ['navigation -> Start painted', ms(m.startReadyMs), browser.loads.map((l) => Math.round(l.startReadyMs)).join(' ')],
          ['click Start -> first question painted', ms(m.startToQuestionMs), browser.loads.map((l) => Math.round(l.startToQuestionMs)).join(' ')],
          ['navigation -> first question (sum)', ms(m.firstQuestionMs), browser.loads.map((l) => Math.round(l.firstQuestionMs)).join(' ')],
          [`See my result -> result painted (after ${browser.stepsAnswered} screens)`, ms(m.resultMs), browser.loads.map((l) => Math.round(l.resultMs)).join(' ')],
          ['bytes on the wire to Start', kB(m.transferBytes), ''],
          ['bytes on the wire to the first question', kB(m.questionBytes), ''],
        ],
      ),
    );
  }
  if (!('skipped' in firstQuestion)) {
    const f = firstQuestion;
    const sj = f.surveyjs;
    say(`\nSIDE BY SIDE: SurveyJS 3 + React 19 with the same questions, cold loads alternating in this run (${f.profile})`);
    say(
      table(
        ['', 'navigation -> first question (median)', 'runs', 'bytes to the first question'],
        [
          ['backcheck', ms(f.backcheck.medianMs), 'skipped' in browser ? '' : browser.loads.map((l) => Math.round(l.firstQuestionMs)).join(' '), kB(f.backcheck.questionBytes)],
          ['SurveyJS', ms(sj.medianMs), sj.loads.map((l) => Math.round(l.firstQuestionMs)).join(' '), kB(sj.questionBytes)],
        ],
      ),
    );
    say(`ratio (SurveyJS / backcheck): ${f.ratioVsSurveyJS.toFixed(2)}x`);
  }

  say('\nENGINE (Node, median of 7 windows of 300 ms after a warm-up)');
  if (engine) {
    say(
      table(
        ['what', 'median', 'samples'],
        [
          [`evaluate on ${engine.answerSets} random valid answer sets`, perSecond(engine.evaluatePerSecond), engine.evaluateSamples.map((s) => Math.round(s)).join(' ')],
          ['... with every "because" read, as a result page does', perSecond(engine.evaluateAllWordsPerSecond), engine.evaluateAllWordsSamples.map((s) => Math.round(s)).join(' ')],
          [
            `machine transitions (createActor + ${engine.eventsPerWalk.toFixed(1)} events per random walk)`,
            perSecond(engine.machineTransitionsPerSecond),
            engine.machineSamples.map((s) => Math.round(s)).join(' '),
          ],
          [
            `machine transitions (calm walk: ${engine.calmWalkEvents} events, every screen)`,
            perSecond(engine.calmTransitionsPerSecond),
            engine.calmSamples.map((s) => Math.round(s)).join(' '),
          ],
        ],
      ),
    );
  }

  say('\nLINTER (rules:check)');
  if (linter.status === 'pending') say(`pending: ${linter.reason}`);
  else {
    const l = linter;
    say(
      table(
        ['rules file', 'rules', 'size', 'parse+validate', 'lint', 'total (in-process)'],
        SCALES.map((f) => [
          f === 1 ? "today's rules" : `generated x${f}`,
          String(l.rulesCounts[f]),
          kB(l.fileBytes[f] ?? 0),
          ms(l.loadMs[f] ?? 0),
          ms(l.lintMs[f] ?? 0),
          ms(l.inProcessMs[f] ?? 0),
        ]),
      ),
    );
    say(`growth (log-log slope, 1 = linear): total ${l.growthExponent.toFixed(2)}, lint alone ${l.lintGrowthExponent.toFixed(2)}`);
    if (l.cliMs) say(`CLI wall time (package.json's rules:check command, start-up included, npm's own not): today ${ms(l.cliMs.today)}, x10 ${ms(l.cliMs.tenTimes)}, Node start-up alone ${ms(l.cliMs.startupOnly)}; exit codes ${l.cliExitCodes.join(', ')}`);
    else say('CLI: package.json has no rules:check command run by node yet');
  }

  say('\nGOVERNANCE (issue #12)');
  if ('skipped' in impact) say(`impact analysis: ${impact.skipped}`);
  else {
    say(
      table(
        ['rules:diff --impact (production build)', 'questions', 'answer sets', 'median', 'runs', 'lowered found'],
        (['1', '10'] as const).map((f) => [
          f === '1' ? "today's rules vs exampleChange" : 'generated x10 vs exampleChange x10',
          String(impact.questions[f]),
          impact.sets.toLocaleString('en-US'),
          ms(impact.ms[f] ?? 0),
          (impact.samples[f] ?? []).map((s) => Math.round(s)).join(' '),
          String(impact.lowered[f]),
        ]),
      ),
    );
  }
  if ('skipped' in review) say(`/review problems: ${review.skipped}`);
  else say(`/review, pasted file with ${review.errors} errors -> problems on screen (cold worker, fresh page each): median ${ms(review.medianMs)}; runs ${review.samples.map((s) => Math.round(s)).join(' ')} ms`);
  printBudgets();
}

function minutes(seconds: number): string {
  return `${(seconds / 60).toFixed(1)} min`;
}

function printBurden(): void {
  const b = burden;
  say(`\nBURDEN (response-time model: <=20 words 8.0 s, 21-30 words 11.8 s, >30 words 16.8 s per question; ${b.population.calm} people with no warning sign, ${b.population.mixed} mixed, ${b.scenarios.count} scenarios)`);
  const pair = (s: { median: number; max: number }, shown: (n: number) => string = String) => `${shown(s.median)} / ${shown(s.max)}`;
  const row = (name: string, f: (typeof b)['noWarningSign'] | undefined) =>
    f
      ? [name, String(f.count), pair(f.screens), pair(f.words), pair(f.modelSeconds, minutes), pair(f.allWords), pair(f.modelSecondsAllWords, minutes), pair(f.modelSecondsVisit, minutes)]
      : [name, '0', '-', '-', '-', '-', '-', '-'];
  const levels = ['self-care', 'consult', 'urgent', 'emergency'] as const;
  say(
    table(
      ['who', 'people', 'screens (median / worst)', 'question words', 'model time', 'all words + top card', 'model time', 'whole visit'],
      [
        row('no warning sign', b.noWarningSign),
        row('no warning sign, in Spanish', b.noWarningSignEs),
        row('unsure of a warning sign, no red flag', b.unsureOfWarningSign),
        ...levels.map((l) => row(`ended ${l}`, b.byUrgency[l])),
        row('scenarios: no warning sign', b.scenarios.noWarningSign),
        ...levels.map((l) => row(`scenarios: ended ${l}`, b.scenarios.byUrgency[l])),
      ],
    ),
  );
  say(`warning-sign screens for a person with none: at most ${b.warningScreensMax}; intro estimate (whole visit): ${b.estimate.en.low}-${b.estimate.en.high} min (en), ${b.estimate.es.low}-${b.estimate.es.high} min (es)`);
  say(`result top card: ${pair(b.topCard.en)} words (en, median / worst), ${pair(b.topCard.es)} (es)`);
}

function printBudgets(): void {
  say('\nBUDGETS (size, burden and ratio budgets fail the run; timing budgets are flagged only)');
  say(table(['budget', 'kind', 'limit', 'measured', 'status'], checks.map((c) => [c.name, c.kind, c.limit, c.actual, c.status])));
}
