// `npm run rules:check -- [--verbose] [files...]`: validate and lint rules files. Without files, every rules file
// in rules/ (not the scenarios). Exits non-zero on any error, so the test command stops on an unsafe rules file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRulesText, failed, formatCheckReport, type FileCheck } from '../lint/check-file.ts';

const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const named = args.filter((a) => !a.startsWith('--'));
const files = named.length > 0
  ? named.map((f) => resolve(f))
  : readdirSync(RULES_DIR).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(RULES_DIR, f));

const checks: FileCheck[] = files.map((file) => {
  const shown = relative(process.cwd(), file) || file;
  try {
    return checkRulesText(readFileSync(file, 'utf8'), shown);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { file: shown, problems: [{ file: shown, line: 1, column: 1, path: '', message: `cannot read: ${message}` }], findings: [], questions: 0, rules: 0, ms: 0 };
  }
});
console.log(formatCheckReport(checks, { verbose }));
process.exitCode = checks.some(failed) ? 1 : 0;
