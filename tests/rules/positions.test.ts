// The two YAML readers of positions.ts must agree: a file js-yaml reads (the fast path) has the same data and every
// field the same line and column as the `yaml` library gives, and a file `yaml` finds broken never passes js-yaml.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportingProblems, parseSource, parseWellFormed, type FieldPath } from '../../src/rules/positions.ts';
import { MAIN_RULES_FILE, ROOT } from '../helpers.ts';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every field path in a document, with the keys of each map (to point at a key as an unknown one). */
function fieldPaths(value: unknown, path: FieldPath = []): { path: FieldPath; keys: string[] }[] {
  if (Array.isArray(value)) return [{ path, keys: [] }, ...value.flatMap((item, i) => fieldPaths(item, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return [{ path, keys: entries.map(([k]) => k) }, ...entries.flatMap(([k, v]) => fieldPaths(v, [...path, k]))];
  }
  return [{ path, keys: [] }];
}

function expectSameReading(text: string, where: string, every = 1): void {
  const fast = parseWellFormed(text);
  const thorough = parseReportingProblems(text);
  expect(fast, `${where}: js-yaml reads it`).not.toBeNull();
  if (!fast) return;
  expect(thorough.errors, where).toEqual([]);
  expect(fast.data, where).toEqual(thorough.data);
  // The \`yaml\` library's locator walks the document from the top for each path: every path of every file is minutes.
  for (const { path, keys } of fieldPaths(thorough.data).filter((_, i) => i % every === 0)) {
    expect(fast.locate(path), `${where} ${path.join('.')}`).toEqual(thorough.locate(path));
    // A field that does not exist points at its deepest existing parent, in both.
    expect(fast.locate([...path, 'no_such_field', 3]), `${where} ${path.join('.')}.no_such_field`).toEqual(
      thorough.locate([...path, 'no_such_field', 3]),
    );
    for (const key of keys.slice(0, 3)) {
      expect(fast.locate(path, { unknownKeys: [key] }), `${where} ${path.join('.')} key ${key}`).toEqual(
        thorough.locate(path, { unknownKeys: [key] }),
      );
    }
  }
}

describe('reading YAML: the fast reader and the thorough one agree', () => {
  const files = [...yamlFiles(join(ROOT, 'rules')), ...yamlFiles(join(ROOT, 'tests'))].filter(
    (f) => !/broken/.test(f),
  );

  it('finds the repository YAML files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('gives the same data and the same line and column for every field of every YAML file in the repository', () => {
    for (const file of files) {
      // Every field of the shipped rules file; one in five elsewhere (the history holds earlier copies of it).
      const every = file === MAIN_RULES_FILE ? 1 : 5;
      expectSameReading(readFileSync(file, 'utf8'), relative(ROOT, file), every);
    }
  }, 120_000);

  it.each([
    ['quoted keys and values', `"a": 'x'\nb: "y z"\n'c d': [1, "2"]\n`],
    ['block scalars', `a: |\n  one\n  two\nb: >-\n  folded\n  text\nc:\n  - |\n    in a list\n`],
    ['flow maps and lists', `rules:\n  - { id: x, when: { all: [ { q: a, is: "yes" }, { q: b, atLeast: 3 } ] } }\n`],
    ['comments and blank lines', `# head\n\na: 1 # trailing\n\n# between\nb:\n  # inside\n  c: true\n`],
    ['scalars of the core schema', `a: yes\nb: no\nc: on\nd: 0o14\ne: 0x1F\nf: .inf\ng: ~\nh: null\ni: 2026-12-07\nj: 1e3\nk: "007"\n`],
    ['a top-level list', `- a\n- { b: 1 }\n- [c]\n`],
  ])('%s', (_name, text) => {
    expectSameReading(text, _name);
  });

  it.each([
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', 'DUPLICATE_KEY'],
    ['a bad indent', 'a:\n  b: 1\n c: 2\n', undefined],
    ['an unclosed flow map', 'a: { b: 1\nc: 2\n', undefined],
    ['a tab as indentation', 'a:\n\tb: 1\n', undefined],
    ['an alias with no anchor', 'a: 1\nb:\n  c: *nope\n', 'UNREADABLE'],
  ])('leaves %s to the thorough reader, which reports it', (_name, text, code) => {
    expect(parseWellFormed(text)).toBeNull();
    const read = parseSource(text);
    expect(read.errors.length).toBeGreaterThan(0);
    if (code) expect(read.errors.map((e) => e.code)).toContain(code);
    expect(read.data === null || code === 'DUPLICATE_KEY').toBe(true);
  });

  it.each([
    ['anchors and aliases', `a: &one { x: 1 }\nb: *one\nc: [&two 2, *two]\n`, { a: { x: 1 }, b: { x: 1 }, c: [2, 2] }],
    ['a merge key is an ordinary key in YAML 1.2', `a: &one { x: 1 }\nb:\n  <<: *one\n  y: 2\n`, { a: { x: 1 }, b: { '<<': { x: 1 }, y: 2 } }],
  ])('leaves %s to the thorough reader, which reads them (js-yaml also took `&a{`, which it refuses)', (_name, text, data) => {
    expect(parseWellFormed(text)).toBeNull();
    expect(parseSource(text)).toMatchObject({ data, errors: [] });
    expect(parseWellFormed('a: &x{ b: 1 }\n')).toBeNull();
    expect(parseSource('a: &x{ b: 1 }\n').errors.length).toBeGreaterThan(0);
  });

  it('points at an alias with no anchor, where the YAML library alone threw', () => {
    const read = parseSource('a: 1\nb:\n  c: *nope\n');
    expect(read.errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('nope') })]);
  });

  it('reads an empty file as no data and no problem, as before', () => {
    expect(parseSource('')).toMatchObject({ data: null, errors: [] });
  });

  it('never passes a damaged file that the thorough reader finds broken, and reads the same data when both pass', () => {
    const text = readFileSync(join(ROOT, 'tests/fixtures/mini-rules.yaml'), 'utf8');
    const damage = fc.record({
      at: fc.nat({ max: text.length - 1 }),
      cut: fc.integer({ min: 0, max: 3 }),
      put: fc.constantFrom('', ':', ' ', '  ', '-', '\n', '\t', '"', "'", '{', '}', '[', ']', ',', '#', '&a', '*a', '|', '>', '? ', 'x: 1\n', '\n  '),
    });
    fc.assert(
      fc.property(damage, ({ at, cut, put }) => {
        const broken = text.slice(0, at) + put + text.slice(at + cut);
        const thorough = parseReportingProblems(broken);
        const fast = parseWellFormed(broken);
        if (thorough.errors.length > 0) expect(fast).toBeNull();
        else if (fast) expect(fast.data).toEqual(thorough.data);
      }),
      { numRuns: 600, seed: 20261207 },
    );
  }, 60_000);
});
