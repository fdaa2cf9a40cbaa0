// Sign-off bound to content: a clinician records who signed what and when; the hash covers everything but the
// sign-off block, whatever the layout; any change to the content makes rules:check report the sign-off as stale,
// naming who signed what and when and how to renew it; a build can refuse rules that are not signed off.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkRulesText, formatCheckReport } from '../../src/lint/check-file.ts';
import { signRulesText } from '../../src/lint/signoff.ts';
import { contentHash, shortHash } from '../../src/rules/content-hash.ts';
import { rulesPlugin } from '../../src/build/rules-plugin.ts';
import { ROOT } from '../helpers.ts';

const mini = () => readFileSync(`${ROOT}tests/fixtures/mini-rules.yaml`, 'utf8');
const ON = { by: 'Dr Ana Ruiz, sports medicine physician', on: '2026-12-01' };

function signed(text = mini()): string {
  const outcome = signRulesText(text, 'mini.yaml', ON);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.text;
}

const signoffFindings = (text: string, file = 'mini.yaml') => checkRulesText(text, file).findings.filter((f) => f.check === 'sign-off');

describe('the content hash', () => {
  it('ignores comments, key order, quoting, flow or block style, and where the sign-off block sits', () => {
    const text = mini();
    const data = parse(text) as Record<string, unknown>;
    const base = contentHash(data);
    // Same data written differently: block style, keys reversed, no comments.
    const reordered = Object.fromEntries(Object.entries(data).reverse());
    expect(contentHash(parse(stringify(reordered, { collectionStyle: 'block' })))).toBe(base);
    expect(contentHash(parse(`# a comment\n${text.replace(/^# .*\n/gm, '')}`))).toBe(base);
    // The sign-off block itself is not content, wherever it is written.
    const withSignoff = { ...data, meta: { signoff: { by: 'x', on: '2026-01-01', contentHash: 'sha256:0' }, ...(data.meta as object) } };
    expect(contentHash(withSignoff)).toBe(base);
  });

  it('changes with any value the app reads, however small', () => {
    const base = contentHash(parse(mini()));
    expect(contentHash(parse(mini().replace('weight: 3 }', 'weight: 2 }')))).not.toBe(base);
    expect(contentHash(parse(mini().replace('{ en: Big. }', '{ en: Big! }')))).not.toBe(base);
    expect(contentHash(parse(mini().replace('atLeast: 7', 'atLeast: 8')))).not.toBe(base);
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('rules:signoff and rules:check', () => {
  it('records who, when and the content hash in meta, changing no other line of the file', () => {
    const before = mini();
    const after = signed(before);
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(added).toEqual([
      '  signoff:',
      `    by: "${ON.by}"`,
      `    on: "${ON.on}"`,
      `    contentHash: "${contentHash(parse(before))}"`,
    ]);
    expect(after.split('\n').filter((l) => !added.includes(l))).toEqual(before.split('\n'));
    expect(signoffFindings(after)).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining(`signed off by ${ON.by} on ${ON.on}`) })]);
  });

  it('reports a sign-off that no longer matches the content as an error: who signed what, when, and how to renew', () => {
    const text = signed().replace('atLeast: 7', 'atLeast: 8');
    const check = checkRulesText(text, 'mini.yaml');
    const [finding] = signoffFindings(text);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(`${ON.by} signed off content ${shortHash(contentHash(parse(mini())))} on ${ON.on}`);
    expect(finding?.message).toContain(`the content is now ${shortHash(contentHash(parse(text)))}`);
    expect(finding?.message).toContain('npm run rules:signoff -- --by "Name, role" mini.yaml');
    // At the sign-off block's line, and the whole check fails.
    expect(finding?.line).toBe(text.split('\n').indexOf('  signoff:') + 1);
    expect(formatCheckReport([check])).toMatch(/^FAILED: 1 file, 1 error/m);
  });

  it('an unsigned file is a warning, not an error (drafts are allowed)', () => {
    expect(signoffFindings(mini())).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^not signed off yet/) })]);
  });

  it('renews a stale sign-off in place, and refuses to sign content with errors', () => {
    const stale = signed().replace('atLeast: 7', 'atLeast: 8');
    const renewed = signRulesText(stale, 'mini.yaml', { by: 'Dr Li Wei, physiotherapist', on: '2026-12-24' });
    if (!renewed.ok) throw new Error(renewed.message);
    expect(renewed.renewed).toEqual({ by: ON.by, on: ON.on });
    expect(renewed.text.match(/signoff:/g)).toHaveLength(1);
    expect(signoffFindings(renewed.text)[0]?.severity).toBe('info');

    const unsafe = mini().replace("{ id: small, when: { question: rf_small, is: 'yes' }", "{ id: small, when: { all: [{ question: rf_small, is: 'yes' }, { not: { question: lifts, is: 'yes' } }] }");
    const refused = signRulesText(unsafe, 'mini.yaml', ON);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toMatch(/mini\.yaml has \d+ errors?; fix them before signing off:\n {2}mini\.yaml:\d+:\d+ {2}redFlags\.2\.when/);
    expect(signRulesText(mini(), 'mini.yaml', { by: '  ', on: ON.on }).ok).toBe(false);
    expect(signRulesText(mini(), 'mini.yaml', { by: ON.by, on: '1 Dec 2026' }).ok).toBe(false);
  });

  it('the command writes the file, and --status --require tells CI whether the rules are signed off', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'backcheck-signoff-'));
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, mini());
    const run = (...args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/rules-signoff.ts'), ...args], { cwd: dir, encoding: 'utf8' });
    const unsigned = run('--status', '--require', 'rules.yaml');
    expect(unsigned.status).toBe(1);
    expect(unsigned.stdout).toMatch(/^::warning title=Rules not signed off::mini 0\.0\.1 \(rules\.yaml\) is not signed off by a clinician/);
    expect(run('--status', 'rules.yaml').status).toBe(0);

    const sign = run('--by', ON.by, '--on', ON.on, 'rules.yaml');
    expect(sign.status).toBe(0);
    expect(sign.stdout).toContain(`Signed off rules.yaml: by ${ON.by} on ${ON.on}`);
    expect(readFileSync(file, 'utf8')).toContain(`    by: "${ON.by}"`);
    const ok = run('--status', '--require', 'rules.yaml');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`Signed off: mini 0.0.1 (rules.yaml) by ${ON.by} on ${ON.on}`);
    expect(relative(ROOT, file)).not.toBe('');
  });

  it('the command refuses content that its own scenarios (scenarios/ beside it) fail, and says which', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'backcheck-signoff-'));
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, mini());
    mkdirSync(join(dir, 'scenarios'));
    const scenario = (urgency: string) => `rules: ../rules.yaml
defaults:
  answers: { rf_big: "no", rf_small: "no", age: adult, lifts: "yes", lift_kind: [squat], pain: 2, late_flag: "no" }
scenarios:
  - name: Big sign is an emergency
    answers: { rf_big: "yes" }
    expect: { urgency: ${urgency} }
  - name: Nothing is self-care
    answers: {}
    expect: { urgency: self-care }
`;
    writeFileSync(join(dir, 'scenarios', 'signs.yaml'), scenario('self-care'));
    const run = (...args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli/rules-signoff.ts'), ...args], { cwd: dir, encoding: 'utf8' });
    const refused = run('--by', ON.by, '--on', ON.on, 'rules.yaml');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('rules.yaml: its scenarios fail; fix the rules or the scenarios before signing off.');
    expect(refused.stderr).toContain('FAIL  Big sign is an emergency');
    expect(refused.stderr).not.toContain('PASS  ');
    expect(readFileSync(file, 'utf8')).not.toContain('signoff:');
    writeFileSync(join(dir, 'scenarios', 'signs.yaml'), scenario('emergency'));
    expect(run('--by', ON.by, '--on', ON.on, 'rules.yaml').status).toBe(0);
  });
});

describe('the build and signed-off rules', () => {
  async function loadView(plugin: Plugin, file: string, view: string, watchMode = false): Promise<string> {
    const errors: string[] = [];
    const warnings: string[] = [];
    const context = {
      meta: { watchMode },
      addWatchFile: () => undefined,
      error: (message: string) => {
        errors.push(message);
        throw new Error(message);
      },
      warn: (message: string) => warnings.push(message),
    };
    const load = plugin.load as unknown as (this: typeof context, id: string) => Promise<string>;
    return load.call(context, `${file}?${view}`);
  }

  function fileWith(text: string): string {
    const file = join(mkdtempSync(join(tmpdir(), 'backcheck-plugin-')), 'rules.yaml');
    writeFileSync(file, text);
    return file;
  }

  it('refuses unsigned rules when a sign-off is required, and builds them otherwise, saying they are unsigned', async () => {
    const file = fileWith(mini());
    await expect(loadView(rulesPlugin({ requireSignoff: true }), file, 'rules')).rejects.toThrow(/is not signed off by a clinician, and this build requires a sign-off \(BACKCHECK_REQUIRE_SIGNOFF\)/);
    const code = await loadView(rulesPlugin({ requireSignoff: false }), file, 'rules');
    expect(code).toContain('\\"state\\":\\"unsigned\\"');
  });

  it('builds signed rules with their sign-off; a stale one is refused when required, and never passed on as valid', async () => {
    const good = fileWith(signed());
    const code = await loadView(rulesPlugin({ requireSignoff: true }), good, 'rules');
    expect(code).toContain('\\"state\\":\\"signed\\"');
    expect(code).toContain(`\\"signoff\\":{\\"by\\":\\"${ON.by}\\"`);

    const stale = fileWith(signed().replace('atLeast: 7', 'atLeast: 8'));
    await expect(loadView(rulesPlugin({ requireSignoff: true }), stale, 'rules')).rejects.toThrow(/the sign-off by Dr Ana Ruiz.* is for content sha256:/);
    const person = await loadView(rulesPlugin({ requireSignoff: false }), stale, 'rules');
    expect(person).toContain('\\"state\\":\\"stale\\"');
    // The person-facing rules carry no sign-off at all, so the summary and events say "not signed off".
    expect(person).not.toContain('\\"signoff\\":');
  });

  it('tells a one-off build its refusal once, however many views of the file it loads; dev tells every view', async () => {
    const broken = fileWith(mini().replace("{ id: big, when: { question: rf_big, is: 'yes' }", "{ id: big, when: { all: [{ question: rf_big, is: 'yes' }, { not: { question: lifts, is: 'yes' } }] }"));
    const build = rulesPlugin();
    await expect(loadView(build, broken, 'rules-shape')).rejects.toThrow(/has 3 errors \(npm run rules:check\)/);
    // The build has failed on the first view; the others are empty and print nothing more.
    for (const view of ['rules-meta', 'rules-text-en', 'rules-text-es']) {
      expect(await loadView(build, broken, view)).toContain('export default null');
    }
    const dev = rulesPlugin();
    for (const view of ['rules-shape', 'rules-meta']) {
      await expect(loadView(dev, broken, view, true)).rejects.toThrow(/has 3 errors \(npm run rules:check\)/);
    }
    // A new build starts afresh.
    const buildStart = build.buildStart as unknown as () => void;
    buildStart();
    await expect(loadView(build, broken, 'rules-meta')).rejects.toThrow(/has 3 errors/);
  });

  it("refuses rules that rules:check finds errors in, each at its line, whether or not a sign-off is required", async () => {
    // A red flag that another section's answer switches off: the file loads, but the linter calls it an error.
    const unsafe = fileWith(mini().replace("{ id: big, when: { question: rf_big, is: 'yes' }", "{ id: big, when: { all: [{ question: rf_big, is: 'yes' }, { not: { question: lifts, is: 'yes' } }] }"));
    for (const requireSignoff of [false, true]) {
      await expect(loadView(rulesPlugin({ requireSignoff }), unsafe, 'rules')).rejects.toThrow(
        /rules\.yaml has \d+ errors? \(npm run rules:check\); it is not built until they are fixed:\n.*rules\.yaml:\d+:\d+ {2}redFlags\.0\.when {2}error {3}\[red-flag dominance\] red flag "big" has a "not" over "lifts"/,
      );
    }
  });
});
