// Every rule a clinician wrote is proved by a named patient: each red flag, consult sign and scope exit is expected
// by at least one scenario in rules/scenarios/, and each cause is expected likely by one and not likely by another.
// A rule added without a scenario fails here, naming it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenarios/load.ts';
import type { Expect } from '../../src/scenarios/schema.ts';
import { mainRules, ROOT } from '../helpers.ts';

const rules = mainRules();
const dir = `${ROOT}rules/scenarios/`;
const expectations: Expect[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const loaded = loadScenarioFile(readFileSync(dir + f, 'utf8'), f);
    if (!loaded.ok) throw new Error(`${f}: ${loaded.problems.map((p) => p.message).join('; ')}`);
    return loaded.file.scenarios.flatMap((s) => [s.expect, ...(s.changes ?? []).map((c) => c.expect)]);
  });

describe('the clinicians\' scenarios cover the rules', () => {
  it('every red flag and consult sign is the exact expected outcome of some scenario', () => {
    const expected = new Set(expectations.flatMap((e) => [...(e.redFlags ?? []), ...(e.consultSigns ?? [])]));
    const missing = [...rules.redFlags, ...rules.consultSigns].map((r) => r.id).filter((id) => !expected.has(id));
    expect(missing).toEqual([]);
  });

  it('every follow-up outcome and step is expected by some follow-up scenario', () => {
    const expected = new Set(expectations.flatMap((e) => [e.followUp, e.step].filter((id): id is string => typeof id === 'string')));
    const ids = [...(rules.followUp?.outcomes ?? []), ...(rules.followUp?.steps ?? [])].map((r) => r.id);
    expect(ids.filter((id) => !expected.has(id))).toEqual([]);
  });

  it('every scope exit is expected by some scenario', () => {
    const expected = new Set(expectations.flatMap((e) => (typeof e.outOfScope === 'string' ? [e.outOfScope] : [])));
    expect(rules.scopeExits.map((r) => r.id).filter((id) => !expected.has(id))).toEqual([]);
  });

  it('every cause is expected likely in one scenario and not likely in another', () => {
    const likely = new Set(expectations.flatMap((e) => e.likely ?? []));
    const notLikely = new Set(expectations.flatMap((e) => [...(e.notLikely ?? []), ...(e.possible ?? [])]));
    expect(rules.causes.map((c) => c.id).filter((id) => !likely.has(id))).toEqual([]);
    expect(rules.causes.map((c) => c.id).filter((id) => !notLikely.has(id))).toEqual([]);
  });
});
