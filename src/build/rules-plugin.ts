// Validates the rules at build time and hands the browser plain, already-checked data: the page never ships the
// YAML parser or the full zod schema, and a broken rules file fails the build (or shows Vite's overlay in dev)
// with every problem at its file:line:column.
//
// Three views of one rules file, by import suffix:
//   ?rules       what the person's questionnaire needs: clinician-only notes (rationale, source, sources) are
//                emptied, since they are never shown there and were a fifth of the download;
//   ?rules-full  everything, for the clinicians' review page (loaded only on that page);
//   ?rules-meta  just the id, version, title and time estimate, so the first screen can show before the rules arrive.
//
// Each view also carries the intro's time estimate, worked out from the rules with the response-time model
// (src/engine/burden.ts) for a person with no warning sign, in each language: never written by hand.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { timeEstimate, type TimeEstimate } from '../engine/burden.ts';
import { catalogues } from '../i18n/index.ts';
import { formatProblem, loadRules } from '../rules/load.ts';
import type { Rules } from '../rules/schema.ts';

const VIEWS = ['rules', 'rules-full', 'rules-meta'] as const;
type View = (typeof VIEWS)[number];

function viewOf(id: string): { file: string; view: View } | null {
  const q = id.lastIndexOf('?');
  if (q < 0) return null;
  const view = id.slice(q + 1) as View;
  return VIEWS.includes(view) ? { file: id.slice(0, q), view } : null;
}

/** The person-facing copy: same shape (so the same types and engine apply), clinician-only notes left empty. */
export function personFacingRules(rules: Rules): Rules {
  return {
    ...rules,
    meta: { ...rules.meta, sources: [] },
    redFlags: rules.redFlags.map(({ source: _source, ...r }) => ({ ...r, rationale: '' })),
    consultSigns: rules.consultSigns.map(({ source: _source, ...r }) => ({ ...r, rationale: '' })),
    scopeExits: rules.scopeExits.map(({ source: _source, ...r }) => ({ ...r, rationale: '' })),
    causes: rules.causes.map((c) => ({
      ...c,
      source: '',
      evidence: c.evidence.map(({ rationale: _rationale, ...e }) => e),
    })),
  };
}

const estimates = new WeakMap<Rules, TimeEstimate>();

/** Minutes for a person with no warning sign, per language (Spanish runs longer). */
export function estimateOf(rules: Rules): TimeEstimate {
  let estimate = estimates.get(rules);
  if (!estimate) {
    estimate = timeEstimate(rules, { en: catalogues.en.whichTitle, es: catalogues.es.whichTitle });
    estimates.set(rules, estimate);
  }
  return estimate;
}

export function rulesPlugin(): Plugin {
  return {
    name: 'backcheck-rules',
    enforce: 'pre',
    async load(id) {
      const target = viewOf(id);
      if (!target) return null;
      this.addWatchFile(target.file);
      const text = await readFile(target.file, 'utf8');
      const result = loadRules(text, relative(process.cwd(), target.file));
      if (!result.ok) this.error(`Invalid rules file:\n${result.problems.map(formatProblem).join('\n')}`);
      const { rules } = result;
      // The hash keys saved progress to this exact file: answers saved against other rules are never reused.
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
      const estimate = `export const timeEstimate = ${JSON.stringify(estimateOf(rules))};`;
      switch (target.view) {
        case 'rules-meta':
          return `export default ${JSON.stringify({ id: rules.meta.id, version: rules.meta.version, title: rules.meta.title, hash, estimate: estimateOf(rules) })};`;
        case 'rules-full':
          return `export const rulesHash = ${JSON.stringify(hash)};\n${estimate}\nexport default ${json(rules)};`;
        case 'rules':
          return `export const rulesHash = ${JSON.stringify(hash)};\n${estimate}\nexport default ${json(personFacingRules(rules))};`;
      }
    },
  };
}
