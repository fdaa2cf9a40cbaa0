// Validates the rules at build time and hands the browser plain, already-checked data: the page never ships the
// YAML parser or the full zod schema, and a broken rules file, or one rules:check finds errors in, fails the build
// (or shows Vite's overlay in dev) with every problem at its file:line:column.
//
// Views of one rules file, by import suffix:
//   ?rules       what the person's questionnaire needs: clinician-only notes (rationale, source, sources) are
//                emptied, since they are never shown there and were a fifth of the download;
//   ?rules-full  everything, for the clinicians' review page (loaded only on that page);
//   ?rules-meta  just the id, version, title, time estimate and emergency numbers, so the first screen can show (and
//                name the emergency number) before the rules arrive;
//   ?rules-shape and ?rules-text-en, ?rules-text-es  the person-facing copy as a structure with a slot for each
//                text, and each language's words: the check loads the structure and one language
//                (src/rules/language-packs.ts).
//
// Each view also carries the intro's time estimate, worked out from the rules with the response-time model
// (src/engine/burden.ts) for a person with no warning sign, in each language: never written by hand.
//
// Sign-off: each view also exports `rulesSignoff`, whether a clinician's sign-off matches the content (checked
// here, against the file's content hash). The person-facing copy keeps `meta.signoff` only when it matches, so in
// the browser `meta.signoff` present means "signed off, for exactly this content". A production build refuses
// rules that are not signed off when told to: `BACKCHECK_REQUIRE_SIGNOFF=1 npm run build` (npm run build:release),
// or `rulesPlugin({ requireSignoff: true })`.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { timeEstimate, type TimeEstimate } from '../engine/burden.ts';
import { shortHash, signoffStatus, type SignoffStatus } from '../rules/content-hash.ts';
import { splitTexts } from '../rules/language-packs.ts';
import { formatProblem, loadRulesSource } from '../rules/load.ts';
import { checkRulesText } from '../lint/check-file.ts';
import { reportLines } from '../lint/check-report.ts';
import type { Rules } from '../rules/schema.ts';
import { pageWordsByLocale } from '../ui/page-words.ts';

const VIEWS = ['rules', 'rules-full', 'rules-meta', 'rules-shape', 'rules-text-en', 'rules-text-es'] as const;
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
    // `accepted`: the clinicians' reasons for accepting a linter warning, read by rules:check and /review only.
    redFlags: rules.redFlags.map(({ source: _source, accepted: _accepted, ...r }) => ({ ...r, rationale: '' })),
    consultSigns: rules.consultSigns.map(({ source: _source, ...r }) => ({ ...r, rationale: '' })),
    scopeExits: rules.scopeExits.map(({ source: _source, ...r }) => ({ ...r, rationale: '' })),
    advice: rules.advice.map(({ source: _source, ...r }) => ({ ...r, rationale: '' })),
    causes: rules.causes.map((c) => ({
      ...c,
      source: '',
      evidence: c.evidence.map(({ rationale: _rationale, ...e }) => e),
    })),
    ...(rules.followUp
      ? {
          followUp: {
            ...rules.followUp,
            rationale: '',
            source: '',
            outcomes: rules.followUp.outcomes.map(({ source: _source, ...o }) => ({ ...o, rationale: '' })),
            steps: rules.followUp.steps.map(({ source: _source, ...s }) => ({ ...s, rationale: '' })),
          },
        }
      : {}),
  };
}

// By content: each view of a file parses it afresh, and working out the estimate walks a few hundred people.
const estimates = new Map<string, TimeEstimate>();

/** Minutes for a person with no warning sign, per language (Spanish runs longer). */
export function estimateOf(rules: Rules): TimeEstimate {
  const key = JSON.stringify(rules);
  let estimate = estimates.get(key);
  if (!estimate) {
    estimate = timeEstimate(rules, pageWordsByLocale(rules));
    estimates.set(key, estimate);
  }
  return estimate;
}

// By content, as the estimates: every view of a file would lint it again.
const lintErrors = new Map<string, string[]>();

/** rules:check's errors for a rules file's text, as it prints them (sign-off apart), or none. */
function lintErrorsOf(text: string, file: string): string[] {
  const key = `${file}\0${text}`;
  let errors = lintErrors.get(key);
  if (!errors) {
    if (lintErrors.size > 8) lintErrors.clear();
    errors = reportLines(checkRulesText(text, file))
      .filter((l) => l.severity === 'error' && l.check !== 'sign-off')
      .map((l) => `  ${l.text}`);
    lintErrors.set(key, errors);
  }
  return errors;
}

/** The environment variable that makes a build refuse rules that are not signed off. */
export const REQUIRE_SIGNOFF_ENV = 'BACKCHECK_REQUIRE_SIGNOFF';

/** Why rules may not be built when a sign-off is required, or null when they may. */
export function signoffRefusal(status: SignoffStatus, file: string): string | null {
  if (status.state === 'signed') return null;
  const renew = `After clinical review: npm run rules:signoff -- --by "Name, role" ${file}`;
  return status.state === 'unsigned'
    ? `${file} is not signed off by a clinician, and this build requires a sign-off (${REQUIRE_SIGNOFF_ENV}). ${renew}`
    : `${file}: the sign-off by ${status.by} on ${status.on} is for content ${shortHash(status.signedHash)}, but the content is now ${shortHash(status.contentHash)}. ${renew}`;
}

export function rulesPlugin(options: { requireSignoff?: boolean } = {}): Plugin {
  const requireSignoff = options.requireSignoff ?? ['1', 'true', 'yes'].includes(process.env[REQUIRE_SIGNOFF_ENV] ?? '');
  // One load per file content: the views of one file (the structure and each language's words) share it, and with
  // it the time estimate, which walks the questionnaire many times.
  const loads = new Map<string, ReturnType<typeof loadRulesSource>>();
  const load = (text: string, file: string) => {
    const key = `${file}\0${text}`;
    let result = loads.get(key);
    if (!result) {
      if (loads.size > 8) loads.clear();
      loads.set(key, (result = loadRulesSource(text, file)));
    }
    return result;
  };
  // A one-off build loads several views of the rules file at once, and each refused alike: a clinician read the same
  // errors five times over, each with a stack trace. There the refusal is told once per file content; the other
  // views get an empty module, never shipped, since the build has already failed on the first. In dev every view
  // still tells it: the overlay shows the error of whichever module the page asked for.
  const refusedInThisBuild = new Set<string>();
  return {
    name: 'backcheck-rules',
    enforce: 'pre',
    buildStart() {
      refusedInThisBuild.clear();
    },
    async load(id) {
      const target = viewOf(id);
      if (!target) return null;
      this.addWatchFile(target.file);
      const text = await readFile(target.file, 'utf8');
      const file = relative(process.cwd(), target.file);
      const key = `${file}\0${text}`;
      if (!this.meta.watchMode && refusedInThisBuild.has(key)) return REFUSED_VIEW;
      const refuse = (message: string): never => {
        refusedInThisBuild.add(key);
        return this.error(message);
      };
      const result = load(text, file);
      if (!result.ok) refuse(`Invalid rules file:\n${result.problems.map(formatProblem).join('\n')}`);
      else {
        // What rules:check calls an error is never built either: a missing Spanish text had reached people as the
        // English words, silently. Sign-off is judged below, as before.
        const lintErrors = lintErrorsOf(text, file);
        if (lintErrors.length > 0) {
          refuse(`${file} has ${lintErrors.length} error${lintErrors.length === 1 ? '' : 's'} (npm run rules:check); it is not built until they are fixed:\n${lintErrors.join('\n')}`);
        }
      }
      if (!result.ok) return null;
      const signoff = signoffStatus(result.data, result.rules.meta.signoff);
      const refusal = signoffRefusal(signoff, file);
      if (refusal && requireSignoff) refuse(refusal);
      if (signoff.state === 'stale') this.warn(refusal ?? '');
      // A sign-off that does not match the content is not passed on as one.
      const rules: Rules =
        signoff.state === 'stale' ? { ...result.rules, meta: withoutMetaSignoff(result.rules.meta) } : result.rules;
      // The hash keys saved progress to this exact file: answers saved against other rules are never reused.
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
      const estimate = `export const timeEstimate = ${JSON.stringify(estimateOf(rules))};`;
      switch (target.view) {
        case 'rules-meta':
          return `export default ${JSON.stringify({ id: rules.meta.id, version: rules.meta.version, title: rules.meta.title, hash, estimate: estimateOf(rules), emergencyNumbers: rules.results.emergencyNumbers ?? null })};`;
        case 'rules-full':
          // The review page shows a stale sign-off as such, so it gets the file's own meta.
          return `export const rulesHash = ${JSON.stringify(hash)};\nexport const rulesSignoff = ${json(signoff)};\n${estimate}\nexport default ${json(result.rules)};`;
        case 'rules':
          return `export const rulesHash = ${JSON.stringify(hash)};\nexport const rulesSignoff = ${json(signoff)};\n${estimate}\nexport default ${json(personFacingRules(rules))};`;
        case 'rules-shape':
          return `export const rulesHash = ${JSON.stringify(hash)};\nexport const rulesSignoff = ${json(signoff)};\n${estimate}\nexport default ${json(splitTexts(personFacingRules(rules)).shape)};`;
        case 'rules-text-en':
        case 'rules-text-es':
          return `export default ${json(splitTexts(personFacingRules(rules)).packs[target.view === 'rules-text-en' ? 'en' : 'es'])};`;
      }
    },
  };
}

/** Every name a view exports, empty: for the other views of a file the build has already refused. */
const REFUSED_VIEW = 'export const rulesHash = ""; export const rulesSignoff = null; export const timeEstimate = null; export default null;';

function withoutMetaSignoff(meta: Rules['meta']): Rules['meta'] {
  const { signoff: _signoff, ...rest } = meta;
  return rest;
}
