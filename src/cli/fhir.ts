// npm run fhir -- [--rules <file.yaml>] [--out <file.json>] [--locale en|es]
// Writes the FHIR R4 Questionnaire generated from a rules file (default: dist/fhir/questionnaire.json) and, for rules
// with a follow-up, the follow-up's own beside it (questionnaire-follow-up.json), which its shared responses answer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { toQuestionnaire, type QuestionnaireForm } from '../fhir/questionnaire.ts';
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
const written: [string, QuestionnaireForm][] = [[values.out, 'check']];
if (loaded.rules.followUp) written.push([values.out.replace(/(\.json)?$/, '-follow-up.json'), 'follow-up']);
for (const [file, form] of written) {
  writeFileSync(file, `${JSON.stringify(toQuestionnaire(loaded.rules, locale, form), null, 2)}\n`);
  console.log(`Wrote ${file}`);
}
