// Loading rules files in tests, straight from disk, through the same loader the CLI uses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signoffStatus, type SignoffStatus } from '../src/rules/content-hash.ts';
import { loadRulesOrThrow, loadRulesSource } from '../src/rules/load.ts';
import type { Rules } from '../src/rules/schema.ts';

// Test runners start at the project root (vitest, tsx scripts run from npm).
export const ROOT = `${resolve(process.cwd())}/`;
export const MAIN_RULES_FILE = `${ROOT}rules/lower-back-after-workout.yaml`;

export function loadRulesFile(path: string): Rules {
  return loadRulesOrThrow(readFileSync(path, 'utf8'), path);
}

export const miniRules = (): Rules => loadRulesFile(`${ROOT}tests/fixtures/mini-rules.yaml`);
export const miniScreenRules = (): Rules => loadRulesFile(`${ROOT}tests/fixtures/mini-screens.yaml`);
export const mainRules = (): Rules => loadRulesFile(MAIN_RULES_FILE);

/** A rules file as the review page receives the shipped rules: the rules, whether their sign-off holds, the file. */
export function reviewedFile(path: string = MAIN_RULES_FILE): { rules: Rules; signoff: SignoffStatus; file: string } {
  const loaded = loadRulesSource(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) throw new Error(`${path} does not load`);
  return { rules: loaded.rules, signoff: signoffStatus(loaded.data, loaded.rules.meta.signoff), file: path.replace(ROOT, '') };
}

/**
 * A result as it is printed or stored (JSON): every word read, those worked out on first read included (a hit's
 * "because", a cause's), so that two results compared with `toEqual` differ wherever a person could see a difference.
 */
export function plainResult(result: object | undefined): unknown {
  return JSON.parse(JSON.stringify(result));
}
