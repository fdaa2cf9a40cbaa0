// What the review page computes about rules files: exactly what the commands run (rules:check's checkRulesText,
// rules:diff's diffRules, and the impact analysis of rules:diff --impact), on files the clinician opens. Runs in a
// Web Worker (analysis.worker.ts) so 100,000 answer sets never freeze the page; where there is no Worker (tests in
// jsdom), analysis-client.ts runs it in the page instead. Loaded only on /review: it brings the YAML parser and zod.
import { checkRulesText, type FileCheck } from '../lint/check-file.ts';
import { diffRules } from '../lint/diff.ts';
import { analyseImpact, type ImpactReport, type ScenarioCase } from '../lint/impact.ts';
import { scenarioCases } from '../lint/impact-scenarios.ts';
import type { Rules } from '../rules/schema.ts';
import { loadScenarioFile } from '../scenarios/load.ts';

export interface Comparison {
  /** What changed, in words (rules:diff). */
  changes: string[];
  impact: ImpactReport;
}

export function checkFile(text: string, name: string): FileCheck {
  return checkRulesText(text, name);
}

// The shipped scenarios, bundled as text: the clinician's computer has the rules file they open, not this repo.
const SCENARIO_TEXTS = import.meta.glob<string>('../../rules/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

/** The clinicians' scenarios shipped with the app, as answer sets (files that do not load are left out). */
export function shippedScenarios(): ScenarioCase[] {
  return Object.entries(SCENARIO_TEXTS).flatMap(([path, text]) => {
    const source = `rules/scenarios/${path.split('/').at(-1) ?? path}`;
    const loaded = loadScenarioFile(text, source);
    return loaded.ok ? scenarioCases(loaded.file, source) : [];
  });
}

export function compareRules(before: Rules, after: Rules, options: { sets?: number; seed?: number; onProgress?: (done: number, total: number) => void } = {}): Comparison {
  return { changes: diffRules(before, after), impact: analyseImpact(before, after, { ...options, scenarios: shippedScenarios() }) };
}
