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

/** Every `import` in `folder` that matches `forbidden`, as "file: import". */
function offending(folder: string, forbidden: RegExp): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${relative(ROOT, file)}: ${spec}`),
  );
}

describe('architecture boundaries', () => {
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
