// Builds the SurveyJS page (bench/surveyjs/page) for production into a temporary folder, with real React 19: no
// renderer alias, no plugin of ours, only the survey JSON generated from the rules as a virtual module.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { productionBuilds } from '../../src/build/production.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { catalogues } from '../../src/i18n/index.ts';
import { surveyJson } from './survey-json.ts';

const VIRTUAL = 'virtual:backcheck-surveyjs';

function surveyModule(rules: Rules): Plugin {
  const t = catalogues.en;
  const json = surveyJson(rules, { lead: t.introLead, start: t.start, whichTitle: t.whichTitle });
  return {
    name: 'backcheck-surveyjs-json',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load: (id) => (id === `\0${VIRTUAL}` ? `export default JSON.parse(${JSON.stringify(JSON.stringify(json))});` : null),
  };
}

export async function buildSurveyJs(rules: Rules): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'backcheck-bench-surveyjs-'));
  productionBuilds('build');
  await build({
    root: join(import.meta.dirname, 'page'),
    configFile: false,
    logLevel: 'warn',
    base: './',
    plugins: [surveyModule(rules)],
    // SurveyJS is one 1.4 MB chunk: that is the point of the comparison, not something to warn about.
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 5000 },
  });
  return outDir;
}
