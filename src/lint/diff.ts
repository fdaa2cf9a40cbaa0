// What changed between two versions of a rules file, in words a clinician reviewing the change can check:
// questions, options, skip logic, rules with their levels, conditions and weights, and texts.
import type { Condition, Rules, Text } from '../rules/schema.ts';
import { describeCondition } from '../engine/condition-words.ts';
import { canonical } from './finding.ts';

export function diffRules(before: Rules, after: Rules): string[] {
  const out: string[] = [];
  const say = (line: string) => out.push(line);
  const cond = (r: Rules, c: Condition | undefined) => (c ? describeCondition(r, c) : 'always');
  const text = (t: Text | undefined) => (t ? `"${t.en}"` : '(none)');
  const textChanged = (a: Text | undefined, b: Text | undefined) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
  const textLine = (what: string, a: Text | undefined, b: Text | undefined) => {
    if (!textChanged(a, b)) return;
    if (a?.en === b?.en) say(`${what}: translation changed (${Object.keys({ ...a, ...b }).filter((k) => k !== 'en').join(', ')})`);
    else say(`${what} changed from ${text(a)} to ${text(b)}`);
  };

  // Metadata and sign-off.
  for (const key of ['id', 'version'] as const) {
    if (before.meta[key] !== after.meta[key]) say(`meta.${key} changed from "${before.meta[key]}" to "${after.meta[key]}"`);
  }
  const signed = (s: Rules['meta']['signoff']) => (s ? `signed off by ${s.by} on ${s.on}` : 'not signed off');
  if (JSON.stringify(before.meta.signoff ?? null) !== JSON.stringify(after.meta.signoff ?? null)) {
    say(`sign-off changed from "${signed(before.meta.signoff)}" to "${signed(after.meta.signoff)}"`);
  }
  textLine('title', before.meta.title, after.meta.title);
  if (before.meta.locales.join() !== after.meta.locales.join()) say(`languages changed from ${before.meta.locales.join(', ')} to ${after.meta.locales.join(', ')}`);
  for (const s of after.meta.sources) if (!before.meta.sources.includes(s)) say(`source added: ${s}`);
  for (const s of before.meta.sources) if (!after.meta.sources.includes(s)) say(`source removed: ${s}`);

  // Sections.
  compareById(before.sections, after.sections, {
    added: (s) => say(`section "${s.id}" added (${text(s.title)})`),
    removed: (s) => say(`section "${s.id}" removed`),
    changed: (a, b) => {
      textLine(`section "${a.id}" title`, a.title, b.title);
      textLine(`section "${a.id}" intro`, a.intro, b.intro);
    },
  });

  // Questions, their options and skip logic.
  compareById(before.questions, after.questions, {
    added: (q) => say(`question "${q.id}" added in section "${q.section}": ${text(q.text)}${q.showIf ? `, asked only when ${cond(after, q.showIf)}` : ''}`),
    removed: (q) => say(`question "${q.id}" removed (was in section "${q.section}")`),
    changed: (a, b) => {
      const name = `question "${a.id}"`;
      if (a.section !== b.section) say(`${name} moved from section "${a.section}" to "${b.section}"`);
      if (a.type !== b.type) say(`${name} type changed from ${a.type} to ${b.type}`);
      textLine(`${name} text`, a.text, b.text);
      // The short label, what does not count and the self-check are what a person reads on a grouped check before
      // answering: a clinician reviews a change to them as to the question itself.
      textLine(`${name} short label`, a.short, b.short);
      textLine(`${name} "does not count"`, a.exclude, b.exclude);
      textLine(`${name} self-check`, a.check, b.check);
      textLine(`${name} hint`, a.hint, b.hint);
      textLine(`${name} "why we ask"`, a.why, b.why);
      if (canonical(a.showIf ?? { all: [] }) !== canonical(b.showIf ?? { all: [] })) {
        say(`${name} skip logic changed: asked ${a.showIf ? `only when ${cond(before, a.showIf)}` : 'always'} -> ${b.showIf ? `only when ${cond(after, b.showIf)}` : 'always'}`);
      }
      if (a.type === 'scale' && b.type === 'scale' && (a.min !== b.min || a.max !== b.max)) {
        say(`${name} range changed from ${a.min}-${a.max} to ${b.min}-${b.max}`);
      }
      if (a.type !== 'scale' && b.type !== 'scale') {
        compareById(a.options, b.options, {
          added: (o) => say(`${name}: option "${o.id}" added (${text(o.label)})`),
          removed: (o) => say(`${name}: option "${o.id}" removed`),
          changed: (x, y) => {
            textLine(`${name}: option "${x.id}" label`, x.label, y.label);
            textLine(`${name}: option "${x.id}" "does not count"`, x.exclude, y.exclude);
            if (x.kind !== y.kind) say(`${name}: option "${x.id}" kind changed from ${x.kind} to ${y.kind}`);
          },
        });
      }
    },
  });
  const order = (r: Rules) => r.questions.map((q) => q.id).filter((id) => before.questions.some((q) => q.id === id) && after.questions.some((q) => q.id === id));
  if (order(before).join() !== order(after).join()) say('the order in which questions are asked changed');

  // Rules.
  const ruleLists = [
    ['red flag', before.redFlags, after.redFlags],
    ['consult sign', before.consultSigns, after.consultSigns],
    ['scope exit', before.scopeExits, after.scopeExits],
  ] as const;
  for (const [kind, a, b] of ruleLists) {
    compareById<(typeof a)[number]>(a, b, {
      added: (r) => say(`${kind} "${r.id}" added${'level' in r ? ` (${r.level})` : ''}: when ${cond(after, r.when)}`),
      removed: (r) => say(`${kind} "${r.id}" removed${'level' in r ? ` (was ${r.level})` : ''}`),
      changed: (x, y) => {
        const name = `${kind} "${x.id}"`;
        if ('level' in x && 'level' in y && x.level !== y.level) say(`${name} level changed from ${x.level} to ${y.level}`);
        if (canonical(x.when) !== canonical(y.when)) say(`${name} condition changed from "${cond(before, x.when)}" to "${cond(after, y.when)}"`);
        if ('reason' in x && 'reason' in y) textLine(`${name} reason`, x.reason, y.reason);
        if ('action' in x || 'action' in y) textLine(`${name} action`, 'action' in x ? x.action : undefined, 'action' in y ? y.action : undefined);
        if ('consult' in x || 'consult' in y) textLine(`${name} consult`, 'consult' in x ? x.consult : undefined, 'consult' in y ? y.consult : undefined);
        if ('message' in x && 'message' in y) textLine(`${name} message`, x.message, y.message);
        if (x.rationale !== y.rationale) say(`${name} rationale changed`);
        if (x.source !== y.source) say(`${name} source changed from "${x.source ?? '(none)'}" to "${y.source ?? '(none)'}"`);
      },
    });
  }

  // Advice: words shown on the result, never the urgency, so a clinician reviews each one added or reworded.
  compareById(before.advice, after.advice, {
    added: (r) => say(`advice "${r.id}" added${r.upTo ? ` (shown up to ${r.upTo})` : ''}: when ${cond(after, r.when)}: ${text(r.text)}`),
    removed: (r) => say(`advice "${r.id}" removed`),
    changed: (x, y) => {
      const name = `advice "${x.id}"`;
      if (x.upTo !== y.upTo) say(`${name} shown up to ${x.upTo ?? 'any urgency'} -> ${y.upTo ?? 'any urgency'}`);
      if (canonical(x.when) !== canonical(y.when)) say(`${name} condition changed from "${cond(before, x.when)}" to "${cond(after, y.when)}"`);
      textLine(`${name} text`, x.text, y.text);
      if (x.rationale !== y.rationale) say(`${name} rationale changed`);
      if (x.source !== y.source) say(`${name} source changed from "${x.source ?? '(none)'}" to "${y.source ?? '(none)'}"`);
    },
  });

  // Causes and their evidence.
  compareById(before.causes, after.causes, {
    added: (c) => say(`cause "${c.id}" added with ${c.evidence.length} evidence rules`),
    removed: (c) => say(`cause "${c.id}" removed`),
    changed: (a, b) => {
      const name = `cause "${a.id}"`;
      textLine(`${name} title`, a.title, b.title);
      textLine(`${name} summary`, a.summary, b.summary);
      if (JSON.stringify(a.advice) !== JSON.stringify(b.advice)) say(`${name} advice changed (${a.advice.length} -> ${b.advice.length} items)`);
      if (a.thresholds.likely !== b.thresholds.likely || a.thresholds.possible !== b.thresholds.possible) {
        say(`${name} thresholds changed from likely ${a.thresholds.likely} / possible ${a.thresholds.possible} to likely ${b.thresholds.likely} / possible ${b.thresholds.possible}`);
      }
      compareById(a.evidence, b.evidence, {
        added: (e) => say(`${name}: evidence "${e.id}" added (weight ${e.weight}): when ${cond(after, e.when)}`),
        removed: (e) => say(`${name}: evidence "${e.id}" removed (was weight ${e.weight})`),
        changed: (x, y) => {
          if (x.weight !== y.weight) say(`${name}: evidence "${x.id}" weight changed from ${x.weight} to ${y.weight}`);
          if (canonical(x.when) !== canonical(y.when)) say(`${name}: evidence "${x.id}" condition changed from "${cond(before, x.when)}" to "${cond(after, y.when)}"`);
        },
      });
    },
  });

  // Result texts.
  textLine('disclaimer', before.results.disclaimer, after.results.disclaimer);
  textLine('out-of-scope title', before.results.outOfScopeTitle, after.results.outOfScopeTitle);
  for (const level of ['emergency', 'urgent', 'consult', 'self-care'] as const) {
    for (const key of ['title', 'action', 'consult', 'callIf'] as const) {
      textLine(`${level} result ${key}`, before.results.urgency[level][key], after.results.urgency[level][key]);
    }
  }
  // The result's lists (the safety net's two tiers, the self-care advice and its caution) and the emergency numbers.
  for (const key of ['safetyNet', 'safetyNetToday', 'selfCareAdvice', 'antiInflammatory'] as const) {
    const [a, b] = [before.results[key], after.results[key]];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    if (!a || !b) say(`result list "${key}" ${a ? 'removed' : 'added'}`);
    else say(`result list "${key}" changed (${a.items.length} -> ${b.items.length} items)`);
  }
  const numbers = (r: Rules) => r.results.emergencyNumbers;
  if (JSON.stringify(numbers(before) ?? null) !== JSON.stringify(numbers(after) ?? null)) {
    const all = (r: Rules) => ({ default: numbers(r)?.default ?? '(none)', ...numbers(r)?.regions });
    const [a, b] = [all(before), all(after)];
    const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k as keyof typeof a] !== b[k as keyof typeof b]);
    say(`emergency numbers changed: ${changed.map((k) => `${k} ${a[k as keyof typeof a] ?? '(none)'} -> ${b[k as keyof typeof b] ?? '(none)'}`).join(', ')}`);
  }
  return out;
}

function compareById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  on: { added: (item: T) => void; removed: (item: T) => void; changed: (a: T, b: T) => void },
): void {
  const old = new Map(before.map((x) => [x.id, x]));
  const fresh = new Map(after.map((x) => [x.id, x]));
  for (const item of before) {
    const next = fresh.get(item.id);
    if (!next) on.removed(item);
    else on.changed(item, next);
  }
  for (const item of after) if (!old.has(item.id)) on.added(item);
}
