// Small rules files for linter tests: the mini fixture, edited as plain data the way a clinician would edit YAML.
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { loadRules, type RulesProblem } from '../../src/rules/load.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { ROOT } from '../helpers.ts';

export type RulesData = Record<string, unknown> & {
  questions: Record<string, unknown>[];
  redFlags: Record<string, unknown>[];
  consultSigns: Record<string, unknown>[];
  scopeExits: Record<string, unknown>[];
  causes: (Record<string, unknown> & { evidence: Record<string, unknown>[] })[];
  meta: Record<string, unknown>;
};

export function miniData(): RulesData {
  return parse(readFileSync(`${ROOT}tests/fixtures/mini-rules.yaml`, 'utf8')) as RulesData;
}

/** The mini rules after `edit`, loaded and validated (throws with every problem if the edit broke the file). */
export function editedRules(edit: (data: RulesData) => void): Rules {
  const data = miniData();
  edit(data);
  const loaded = loadRules(stringify(data), 'edited.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p: RulesProblem) => `${p.path} ${p.message}`).join('\n'));
  return loaded.rules;
}
