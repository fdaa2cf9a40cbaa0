// The layering the README describes, checked: clinical logic never depends on React, the DOM or I/O, and the
// machine never on the screens. A change that breaks a boundary fails here with the file and the import named.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

  it('no rule text is ever rendered as HTML', () => {
    const files = ['src/ui', 'src/review', 'src/embed'].flatMap((d) => sourceFiles(join(ROOT, d)));
    const html = files.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')));
    expect(html.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
