// `npm run rules:signoff -- --by "Name, role" [--on YYYY-MM-DD] [file]`: a clinician records that they reviewed and
// approve the clinical content. Writes the reviewer, the date and a hash of the content into the file's `meta:`.
// Refused while rules:check finds an error or a scenario in scenarios/ beside the file fails.
// `npm run rules:signoff -- --status [--require] [file]`: says whether the file is signed off (CI prints it as a
// warning while the shipped rules are unsigned); with --require, exits 1 unless the sign-off matches the content.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRulesText } from '../lint/check-file.ts';
import { signoffCommand } from '../lint/signoff-check.ts';
import { signRulesText, today } from '../lint/signoff.ts';
import { shortHash } from '../rules/content-hash.ts';
import { formatScenarioReport, reportsFailed, testScenarioFile, type ScenarioFileReport } from '../scenarios/report.ts';
import { DEFAULT_RULES_FILE, readError } from './read-rules.ts';

const USAGE = `Usage:
  npm run rules:signoff -- --by "Name, role" [--on YYYY-MM-DD] [file]   record a sign-off in the file
  npm run rules:signoff -- --status [--require] [file]                  is the file signed off?
The file defaults to rules/lower-back-after-workout.yaml.`;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        by: { type: 'string' },
        on: { type: 'string' },
        status: { type: 'boolean', default: false },
        require: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const absolute = resolve(positionals[0] ?? DEFAULT_RULES_FILE);
  const file = relative(process.cwd(), absolute) || absolute;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    console.error(`Cannot read the rules file ${file}: ${readError(error)}`);
    return 2;
  }

  if (values.status) {
    const check = checkRulesText(text, file);
    const status = check.signoff;
    if (!status || !check.loaded) {
      console.error(`${file} does not load: run npm run rules:check -- ${file}`);
      return values.require ? 1 : 2;
    }
    const name = `${check.loaded.meta.id} ${check.loaded.meta.version} (${file})`;
    if (status.state === 'signed') {
      console.log(`Signed off: ${name} by ${status.by} on ${status.on}, content ${shortHash(status.contentHash)}.`);
      return 0;
    }
    // `::warning::` is how CI services show a warning on the run's page; elsewhere it reads as a plain label.
    const why =
      status.state === 'unsigned'
        ? `${name} is not signed off by a clinician. After review: ${signoffCommand(file)}`
        : `${name}: the sign-off by ${status.by} on ${status.on} no longer matches the content. Review the change, then: ${signoffCommand(file)}`;
    console.log(`::warning title=Rules not signed off::${why}`);
    if (values.require) console.error('--require: refusing rules that are not signed off.');
    return values.require ? 1 : 0;
  }

  if (values.by === undefined) {
    console.error(`Say who signs off.\n\n${USAGE}`);
    return 2;
  }
  const outcome = signRulesText(text, file, { by: values.by, on: values.on ?? today() });
  if (!outcome.ok) {
    console.error(outcome.message);
    return 1;
  }
  // Nor content its own scenarios fail: a clinician signs what the scenarios beside it prove, not a file that breaks
  // them (a review found a sign-off recorded with a scenario failing).
  const scenarios = scenariosOf(absolute);
  if (reportsFailed(scenarios)) {
    // The failures only: hundreds of PASS lines buried the one that matters.
    const failures = formatScenarioReport(scenarios).split('\n').filter((l) => !/^ {2}PASS {2}/.test(l));
    console.error(`${file}: its scenarios fail; fix the rules or the scenarios before signing off.\n${failures.join('\n')}`);
    return 1;
  }
  writeFileSync(absolute, outcome.text);
  const renewed = outcome.renewed ? ` (replaces the sign-off by ${outcome.renewed.by} on ${outcome.renewed.on})` : '';
  console.log(`Signed off ${file}: by ${values.by.trim()} on ${values.on ?? today()}, content ${shortHash(outcome.contentHash)}${renewed}.`);
  console.log('Any later change to the content makes rules:check report this sign-off as out of date.');
  return 0;
}

/** The scenario files in `scenarios/` beside the rules file that test this file, run. */
function scenariosOf(rulesPath: string): ScenarioFileReport[] {
  const dir = join(dirname(rulesPath), 'scenarios');
  if (!existsSync(dir)) return [];
  const target = relative(process.cwd(), rulesPath) || rulesPath;
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => testScenarioFile(join(dir, f)))
    .filter((r) => r.rulesFile === null || r.rulesFile === target);
}

process.exitCode = main(process.argv.slice(2));
