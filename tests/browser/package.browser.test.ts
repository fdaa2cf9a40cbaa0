// `npm pack` as a clinic with a bundler uses it: the tarball installed into a fresh project, its types compiled by a
// strict TypeScript, the project bundled by Vite, and the bundled site run in Chromium under a strict CSP.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/build/version.ts';
import { ROOT } from '../helpers.ts';
import { launchChromium } from './chromium.ts';
import { CLINIC_CSP } from './embed-site.ts';
import { serveStatic } from './serve.ts';

let dir: string;
let tarball: string;
let site: string;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The clinic's own code, using the package as its README says. */
const MAIN_TS = `import { BackcheckWidget, ELEMENT_NAME, type CompleteDetail, type StepDetail } from 'backcheck';

const seen: string[] = [];
Object.assign(window, { seen });

function describeResult(detail: CompleteDetail): string {
  return \`\${detail.urgency}: \${detail.causes.map((c) => c.id).join(', ')}\`;
}
function describeStep(detail: StepDetail): string {
  return \`step \${detail.section} \${detail.stepNumber}\`;
}

const widget = document.createElement(ELEMENT_NAME);
const typed: BackcheckWidget = widget;
typed.setAttribute('locale', 'en');
widget.addEventListener('backcheck:start', () => seen.push('start'));
widget.addEventListener('backcheck:step', (event) => seen.push(describeStep(event.detail)));
document.addEventListener('backcheck:complete', (event) => seen.push(describeResult(event.detail)));
document.querySelector('main')?.append(widget);

// @ts-expect-error: an urgency is one of four words
export const notAnUrgency: CompleteDetail['urgency'] = 'maybe';
// @ts-expect-error: a step never carries an answer
export const noAnswer = (detail: StepDetail) => detail.answer;
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'backcheck-package-'));
  const packed = run('npm', ['pack', '--silent', '--pack-destination', dir], ROOT).trim().split('\n').at(-1) as string;
  tarball = join(dir, packed);
  site = join(dir, 'clinic-site');
  mkdirSync(join(site, 'src'), { recursive: true });
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'clinic-site', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], site);
  writeFileSync(join(site, 'src', 'main.ts'), MAIN_TS);
  writeFileSync(
    join(site, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title><link rel="icon" href="data:,">' +
      '<script type="module" src="./src/main.ts"></script></head><body><main><h1>Clinic</h1></main></body></html>',
  );
  writeFileSync(
    join(site, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [] },
      include: ['src'],
    }),
  );
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('gives a package named backcheck holding the built element, its types, the guide and its licence, nothing else', () => {
    const files = run('tar', ['-tzf', tarball], dir).trim().split('\n').sort();
    expect(files).toEqual(
      expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE', 'package/docs/embedding.md', 'package/dist/package/backcheck.js', 'package/dist/package/index.d.ts']),
    );
    expect(files.filter((f) => !/^package\/(package\.json|README\.md|LICENSE|docs\/embedding\.md|dist\/package\/[\w.-]+\.(js|d\.ts))$/.test(f))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(site, 'node_modules', 'backcheck', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(installed).toMatchObject({
      name: 'backcheck',
      version: packageVersion(),
      exports: { '.': { types: './dist/package/index.d.ts', default: './dist/package/backcheck.js' } },
    });
    // The element's code is bundled: installing it brings no libraries, only FHIR's type definitions.
    expect(Object.keys(installed.dependencies as object)).toEqual(['@types/fhir']);
  });

  it("type-checks a clinic's strict TypeScript that uses the element and its events", () => {
    // Fails on any type error, and on an @ts-expect-error that expects none (the types would be too loose).
    run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(site, 'tsconfig.json')], site);
  });

  it('is bundled by Vite into a site where the element runs under a strict CSP and tells the page what happens', async () => {
    const out = join(site, 'dist');
    await build({ root: site, configFile: false, logLevel: 'warn', base: './', build: { outDir: out, emptyOutDir: true } });
    // The check's lazily loaded parts stay separate chunks of the clinic's bundle.
    expect(readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1);
    const server = await serveStatic(out, { headers: { 'Content-Security-Policy': CLINIC_CSP } });
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(server.url, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect.poll(() => page.evaluate('window.seen')).toEqual(['start', 'step red_flags 1']);
      await page.getByRole('button', { name: 'Continue', exact: true }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await browser?.close();
      await server.close();
    }
  });
});
