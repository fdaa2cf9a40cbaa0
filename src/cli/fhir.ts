// npm run fhir -- [--rules <file.yaml>] [--out <file.json>] [--locale en|es]
// Writes the FHIR R4 Questionnaire generated from a rules file (default: dist/fhir/questionnaire.json).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { toQuestionnaire } from '../fhir/questionnaire.ts';
import { formatProblem, loadRules } from '../rules/load.ts';

const { values } = parseArgs({
  options: {
    rules: { type: 'string', default: 'rules/lower-back-after-workout.yaml' },
    out: { type: 'string', default: 'dist/fhir/questionnaire.json' },
    locale: { type: 'string', default: 'en' },
  },
});
const locale = values.locale === 'es' ? 'es' : 'en';
let text: string;
try {
  text = readFileSync(values.rules, 'utf8');
} catch {
  console.error(`Cannot read rules file ${values.rules}`);
  process.exit(2);
}
const loaded = loadRules(text, values.rules);
if (!loaded.ok) {
  console.error(loaded.problems.map(formatProblem).join('\n'));
  process.exit(2);
}
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(toQuestionnaire(loaded.rules, locale), null, 2)}\n`);
console.log(`Wrote ${values.out}`);
