// What may never be in the files that leave the repository (the release folder, dist/, the npm package): a
// development build (the JSX runtime's jsxDEV calls, React's development code), the build
// machine's paths (a development build writes each component's source path into the code), and source maps nobody
// asked for. `npm run release` refuses such a folder, and the artifact tests read every built file with this.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './files.ts';

export interface ArtifactProblem {
  /** The file, relative to the folder checked. */
  file: string;
  problem: string;
}

/** Code that only development builds contain, each with what it means. */
export const DEVELOPMENT_MARKERS: readonly { pattern: RegExp; means: string }[] = [
  { pattern: /\bjsxDEV\b|jsx-dev-runtime/, means: 'the development JSX runtime (jsxDEV)' },
  { pattern: /\b[\w-]+\.development\.js\b/, means: "a library's development build (*.development.js)" },
  { pattern: /Each child in a list should have a unique/, means: "React's development warnings" },
];

const TEXT = /\.(m?js|css|html|json|d\.ts|txt|svg)$/;

/**
 * Every problem in the text files under `dir`. `forbiddenPaths`: absolute paths of the build machine (the project's
 * folder, the home folder) that must not appear in any file.
 */
export function artifactProblems(dir: string, forbiddenPaths: readonly string[]): ArtifactProblem[] {
  const problems: ArtifactProblem[] = [];
  const paths = forbiddenPaths.map((p) => p.replace(/[\\/]+$/, '')).filter((p) => p.length > 1);
  for (const file of listFiles(dir)) {
    if (file.endsWith('.map')) {
      problems.push({ file, problem: 'a source map (the builds make none; the release ships what runs)' });
      continue;
    }
    if (!TEXT.test(file)) continue;
    problems.push(...textProblems(file, readFileSync(join(dir, file), 'utf8'), paths));
  }
  return problems;
}

/** The problems of one file's text. */
export function textProblems(file: string, text: string, forbiddenPaths: readonly string[]): ArtifactProblem[] {
  const problems: ArtifactProblem[] = [];
  for (const { pattern, means } of DEVELOPMENT_MARKERS) {
    const found = pattern.exec(text);
    if (found) problems.push({ file, problem: `${means}: "${found[0]}"` });
  }
  for (const path of forbiddenPaths) {
    if (text.includes(path)) problems.push({ file, problem: `the build machine's path ${path}` });
  }
  const map = /[#@]\s*sourceMappingURL=\S+/.exec(text);
  if (map) problems.push({ file, problem: `a source map reference (${map[0]})` });
  return problems;
}

export function formatArtifactProblems(problems: readonly ArtifactProblem[]): string {
  return problems.map((p) => `  ${p.file}: ${p.problem}`).join('\n');
}
