// Ship what we test: every file that leaves the repository is a production build, whatever NODE_ENV says, with no
// path of the machine that built it and no source map. Read file by file: the release folder (built here by
// `npm run release` with the test runner's NODE_ENV=test, which used to make it a development build), the dist/ the
// browser tests serve, the npm package's tarball, and a build made with NODE_ENV=development.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactProblems } from '../../src/build/artifacts.ts';
import { buildMachinePaths } from '../../src/build/release.ts';
import { ROOT } from '../helpers.ts';
import { RELEASE_DIR, runRelease, VERSION } from './release-site.ts';

const scratch = mkdtempSync(join(tmpdir(), 'backcheck-artifacts-'));
const paths = buildMachinePaths();
let releaseOutput = '';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

beforeAll(() => {
  // As the release tests run it: from inside Vitest, whose NODE_ENV=test the npm scripts inherit.
  expect(process.env.NODE_ENV).toBe('test');
  releaseOutput = runRelease(join(scratch, 'release'));
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('what leaves the repository', () => {
  it('the release folder, built with NODE_ENV=test, is production code only: no jsxDEV, no paths of this machine, no source map', () => {
    const dir = join(scratch, 'release', RELEASE_DIR);
    expect(readdirSync(join(dir, 'assets')).length).toBeGreaterThan(5);
    expect(artifactProblems(dir, paths)).toEqual([]);
    expect(releaseOutput).toContain(`backcheck ${VERSION}`);
  });

  it('the dist/ folder the browser tests serve is the same production build', () => {
    expect(artifactProblems(join(ROOT, 'dist'), paths)).toEqual([]);
  });

  it('a build with NODE_ENV=development is a production build too', () => {
    const out = join(scratch, 'embed-dev');
    run('npx', ['vite', 'build', '-c', 'vite.embed.config.ts', '--outDir', out, '--logLevel', 'warn'], ROOT, { ...process.env, NODE_ENV: 'development' });
    expect(readdirSync(out)).toContain('backcheck.js');
    expect(artifactProblems(out, paths)).toEqual([]);
  });

  it('the npm package can be published: production files, a LICENSE, the types, and nothing private', () => {
    const packed = run('npm', ['pack', '--silent', '--pack-destination', scratch], ROOT).trim().split('\n').at(-1) as string;
    const unpacked = join(scratch, 'unpacked');
    mkdirSync(unpacked);
    run('tar', ['-xzf', join(scratch, packed), '-C', unpacked], ROOT);
    const pkg = join(unpacked, 'package');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest).toMatchObject({ name: 'backcheck', version: VERSION, license: 'MIT' });
    expect(readFileSync(join(pkg, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    // Everything `exports` names is in the tarball.
    const exported = (manifest.exports as Record<string, Record<string, string> | string>)['.'] as Record<string, string>;
    for (const file of Object.values(exported)) expect(existsSync(join(pkg, file)), file).toBe(true);
    expect(artifactProblems(join(pkg, 'dist'), paths)).toEqual([]);
  }, 120_000);
});

describe('the artifact check itself', () => {
  it('finds what a development build holds: jsxDEV, this machine\'s path, a source map', async () => {
    const page = join(ROOT, 'node_modules', '.cache', 'backcheck-dev-page');
    mkdirSync(page, { recursive: true });
    writeFileSync(join(page, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./main.tsx"></script>');
    writeFileSync(join(page, 'main.tsx'), "export const hello = <p title=\"x\">Hello</p>;\nconsole.log(hello);\n");
    const out = join(scratch, 'dev-page');
    // No project config: nothing forces production here, as nothing did before.
    await build({ root: page, configFile: false, logLevel: 'silent', mode: 'development', define: { 'process.env.NODE_ENV': '"development"' }, build: { outDir: out, sourcemap: true, minify: false } });
    const problems = artifactProblems(out, paths).map((p) => p.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('the development JSX runtime'),
        expect.stringContaining(`the build machine's path ${ROOT.replace(/\/$/, '')}`),
        expect.stringContaining('a source map'),
      ]),
    );
  });
});
