// The runner behind `npm run rules:check`: it runs a tool from a bundle it keeps between runs, so what matters to a
// clinician is that an edited source is never run stale, that each module still finds files from its own place,
// and that arguments and the exit code pass through. Tried on a two-file tool in a throwaway copy of the layout.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

function project() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'backcheck-bundled-')));
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  mkdirSync(join(root, 'src/words'), { recursive: true });
  copyFileSync(join(ROOT, 'src/cli/run-bundled.mjs'), join(root, 'src/cli/run-bundled.mjs'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(
    join(root, 'src/cli/tool.ts'),
    [
      "import { fileURLToPath } from 'node:url';",
      "import { word, whereAmI } from '../words/word.ts';",
      'console.log(`${word} ${whereAmI} ${fileURLToPath(import.meta.url)} ${process.argv.slice(2).join(",")}`);',
      'process.exitCode = process.argv.includes("--fail") ? 3 : 0;',
    ].join('\n'),
  );
  const setWord = (word: string) =>
    writeFileSync(
      join(root, 'src/words/word.ts'),
      `import { fileURLToPath } from 'node:url';\nexport const word: string = '${word}';\nexport const whereAmI = fileURLToPath(import.meta.url);\n`,
    );
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['src/cli/run-bundled.mjs', 'src/cli/tool.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { root, setWord, run };
}

describe('run-bundled (how npm run rules:check starts)', () => {
  it('runs an edited source at once, never the bundle of the earlier version', { timeout: 30_000 }, () => {
    const { root, setWord, run } = project();
    setWord('first');
    const before = run('a', 'b');
    expect(before.stderr).toBe('');
    expect(before.stdout.trim()).toBe(`first ${root}/src/words/word.ts ${root}/src/cli/tool.ts a,b`);
    setWord('second-and-longer');
    expect(run().stdout).toMatch(/^second-and-longer /);
  });

  it('keeps tools of the same name in different folders apart', { timeout: 30_000 }, () => {
    // Both copies cache into the project's node_modules (theirs is a link to it).
    const one = project();
    const two = project();
    one.setWord('one');
    two.setWord('two');
    expect(one.run().stdout).toMatch(/^one /);
    expect(two.run().stdout).toMatch(/^two /);
  });

  it('removes a bundle left by an earlier version once it is ten minutes old', { timeout: 30_000 }, () => {
    const { root, setWord, run } = project();
    setWord('old');
    expect(run().stdout).toMatch(/^old /);
    const cache = join(ROOT, 'node_modules/.cache/backcheck-cli');
    const entry = join(root, 'src/cli/tool.ts');
    const manifest = readdirSync(cache).find((f) => f.endsWith('.json') && readFileSync(join(cache, f), 'utf8').includes(entry));
    if (!manifest) throw new Error('no manifest for the tool');
    const old = (JSON.parse(readFileSync(join(cache, manifest), 'utf8')) as { bundle: string }).bundle;
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(old, hourAgo, hourAgo);
    setWord('new');
    expect(run().stdout).toMatch(/^new /);
    expect(existsSync(old)).toBe(false);
  });

  it('passes the tool\'s exit code through', { timeout: 30_000 }, () => {
    const { setWord, run } = project();
    setWord('x');
    expect(run('--fail').status).toBe(3);
    expect(run().status).toBe(0);
  });
});
