// The layering the README describes, checked: clinical logic never depends on React, the DOM or I/O, and the
// machine never on the screens. A change that breaks a boundary fails here with the file and the import named.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
}

/** Every module a file refers to: imports, re-exports, dynamic imports and `import('...')` types (in .d.ts files too). */
function referencesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...importsOf(file),
    ...[...text.matchAll(/^\s*export\s[^'"]*\sfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? ''),
    ...[...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? ''),
  ];
}

/**
 * The house, from the ground up: a folder may use its own floor and those below, never one above (one that builds
 * on it). rules -> engine -> flow, fhir, storage -> scenarios -> lint, population -> ui, review -> embed, build -> cli.
 */
const FLOORS: Readonly<Record<string, number>> = {
  rules: 0,
  styles: 0,
  engine: 1,
  i18n: 1,
  flow: 2,
  fhir: 2,
  storage: 2,
  scenarios: 3,
  lint: 4,
  population: 4,
  ui: 5,
  review: 5,
  embed: 6,
  build: 6,
  cli: 7,
};

/** Every `import` in `folder` that matches `forbidden`, as "file: import". */
function offending(folder: string, forbidden: RegExp): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${relative(ROOT, file)}: ${spec}`),
  );
}

describe('architecture boundaries', () => {
  it('imports run one way: no folder of src/ uses one that builds on it', () => {
    const src = join(ROOT, 'src');
    const folderOf = (path: string) => relative(src, path).split('/')[0] ?? '';
    const upward = sourceFiles(src).flatMap((file) => {
      const from = folderOf(file);
      if (!(from in FLOORS)) return [];
      return referencesOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => ({ spec, to: folderOf(resolve(dirname(file), spec)) }))
        .filter(({ to }) => to in FLOORS && (FLOORS[to] as number) > (FLOORS[from] as number))
        .map(({ spec }) => `${relative(ROOT, file)}: ${spec}`);
    });
    expect(upward).toEqual([]);
    // Every folder has its floor: a new one must be placed in the house before it can be checked.
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.filter((f) => !(f in FLOORS))).toEqual([]);
  });

  it('the engine is pure: no React, no machine, no UI, no storage, no Node I/O', () => {
    expect(offending('src/engine', /^react|xstate|\/ui\/|\/flow\/|\/storage\/|^node:/)).toEqual([]);
  });

  it('the machine imports no React and no screens', () => {
    expect(offending('src/flow', /^react|@xstate\/react|\/ui\/|\/storage\//)).toEqual([]);
  });

  it('rules loading and FHIR mapping know nothing of the UI or the machine', () => {
    expect(offending('src/rules', /^react|xstate|\/ui\/|\/flow\//)).toEqual([]);
    expect(offending('src/fhir', /^react|xstate|\/ui\/|\/flow\//)).toEqual([]);
  });

  it('browser code never ships the YAML parser or the full zod (rules arrive validated at build time)', () => {
    for (const folder of ['src/ui', 'src/embed', 'src/storage', 'src/i18n']) {
      expect(offending(folder, /^yaml$|^zod$|\/rules\/load\.ts$/)).toEqual([]);
    }
  });

  it('the review page and its worker reach no Node-only module: they run the commands\' code in the browser', () => {
    // Every module the browser loads for /review, followed through relative imports from its two entries.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) if (spec.startsWith('.') && /\.tsx?$/.test(spec)) visit(resolve(dirname(file), spec));
    };
    visit(join(ROOT, 'src/review/ReviewRoute.tsx'));
    visit(join(ROOT, 'src/review/analysis.worker.ts'));
    expect([...seen].map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(['src/lint/check-file.ts', 'src/lint/impact.ts', 'src/rules/content-hash.ts']));
    const nodeOnly = [...seen].flatMap((f) => importsOf(f).filter((spec) => spec.startsWith('node:')).map((spec) => `${relative(ROOT, f)}: ${spec}`));
    expect(nodeOnly).toEqual([]);
  });

  it('the gym-goer\'s check and the embed never load the linter, the impact analysis or the review page', () => {
    for (const folder of ['src/ui', 'src/embed', 'src/flow', 'src/engine']) {
      expect(offending(folder, /\/lint\/|\/review\/|\/scenarios\//)).toEqual([]);
    }
  });

  it('no rule text is ever rendered as HTML', () => {
    const files = ['src/ui', 'src/review', 'src/embed'].flatMap((d) => sourceFiles(join(ROOT, d)));
    const html = files.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')));
    expect(html.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
