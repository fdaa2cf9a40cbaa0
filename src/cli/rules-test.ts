// `npm run rules:test -- [scenario files...]`: run the clinicians' scenarios (default: rules/scenarios/*.yaml).
// Exits non-zero when a scenario fails or a scenario file has problems.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatScenarioReport, reportsFailed, testScenarioFile } from '../scenarios/report.ts';

const SCENARIO_DIR = fileURLToPath(new URL('../../rules/scenarios/', import.meta.url));

const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files =
  named.length > 0 ? named : readdirSync(SCENARIO_DIR).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(SCENARIO_DIR, f));
if (files.length === 0) {
  console.error('No scenario files found in rules/scenarios/.');
  process.exitCode = 1;
} else {
  const reports = files.map((f) => testScenarioFile(f));
  console.log(formatScenarioReport(reports));
  process.exitCode = reportsFailed(reports) ? 1 : 0;
}
