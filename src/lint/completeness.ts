// Completeness: every question can be shown, every rule can fire, every piece of evidence can count, every cause
// can become likely and every urgency level can be produced. Each check is one small query per question, rule or
// cause (see solver.ts), so the work grows with the size of the file, not with the number of answer combinations.
import { matches, questionsIn } from '../engine/conditions.ts';
import type { Cause, Condition, Rules, Urgency } from '../rules/schema.ts';
import { KIND_WORDS, ruleEntries, type Finding, type RuleEntry } from './finding.ts';
import { closure, solve, type RulesIndex } from '../engine/solver.ts';
import { personWith } from './person-with.ts';
import { answerModel } from './population.ts';

/** Rules that end the weighing of causes when they fire (see `evaluate`): red flags and scope exits. */
function blockers(rules: Rules): RuleEntry[] {
  return ruleEntries(rules).filter((r) => r.kind === 'redFlag' || r.kind === 'scopeExit');
}

// Lookups from a question to the rules that depend on it, built once per list of candidates, so that finding the
// rules near a condition does not scan every rule (which would make the linter quadratic in the file's size).
const byQuestionCache = new WeakMap<readonly RuleEntry[], Map<string, RuleEntry[]>>();

/** The rules among `candidates` that share a question with `conditions` (through skip logic too). */
export function touching(index: RulesIndex, conditions: readonly Condition[], candidates: readonly RuleEntry[]): RuleEntry[] {
  let byQuestion = byQuestionCache.get(candidates);
  if (!byQuestion) {
    byQuestion = new Map();
    for (const r of candidates) {
      for (const q of closure(index, [r.when])) byQuestion.set(q.id, [...(byQuestion.get(q.id) ?? []), r]);
    }
    byQuestionCache.set(candidates, byQuestion);
  }
  const found = new Set<RuleEntry>();
  for (const q of closure(index, conditions)) for (const r of byQuestion.get(q.id) ?? []) found.add(r);
  return [...found];
}

export function completenessFindings(index: RulesIndex): Finding[] {
  const { rules } = index;
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], path: Finding['path'], message: string) =>
    findings.push({ severity, check: 'completeness', path, message });

  const entries = ruleEntries(rules);
  // Questions: shown to someone, and used by something.
  const used = new Set<string>();
  for (const r of entries) questionsIn(r.when).forEach((id) => used.add(id));
  for (const q of rules.questions) if (q.showIf) questionsIn(q.showIf).forEach((id) => used.add(id));

  rules.questions.forEach((q, qi) => {
    if (q.showIf) {
      const shown = solve(index, { require: [q.showIf] });
      if (shown.status === 'impossible') {
        add('error', ['questions', qi, 'showIf'], `question "${q.id}" is never shown: no answers to earlier questions make its showIf true`);
      } else if (shown.status === 'unknown') {
        add('warning', ['questions', qi, 'showIf'], `could not prove that question "${q.id}" can be shown (too many combinations)`);
      }
    }
    if (!used.has(q.id)) {
      add('warning', ['questions', qi], `question "${q.id}" is asked but no rule or skip logic uses its answer`);
    }
  });

  // Rules: each can fire; evidence can also count (no red flag or scope exit fires at the same time).
  const fires = new Map<string, boolean>();
  const stoppers = blockers(rules);
  for (const r of entries) {
    const result = solve(index, { require: [r.when] });
    fires.set(r.id, result.status !== 'impossible');
    if (result.status === 'impossible') {
      findings.push({
        severity: 'error',
        check: 'conflicts',
        path: [...r.path, 'when'],
        message: `${KIND_WORDS[r.kind]} "${r.id}" can never fire: no set of answers makes its condition true`,
      });
      continue;
    }
    if (r.kind !== 'evidence') continue;
    const near = touching(index, [r.when], stoppers);
    // The answers that fire it, with nothing else answered, usually stop nothing: then it counts, no search needed.
    if (result.status === 'found' && !near.some((b) => matches(b.when, result.answers))) continue;
    const counts = solve(index, { require: [r.when], forbid: near.map((b) => b.when) });
    if (counts.status === 'impossible') {
      // Name only the rules that can fire together with this evidence: those are the ones that take over.
      const deciders = near.filter((b) => solve(index, { require: [r.when, b.when] }).status === 'found');
      add(
        'error',
        [...r.path, 'when'],
        `evidence "${r.id}" can never count: whenever it is true, ${deciders.map((b) => `${KIND_WORDS[b.kind]} "${b.id}"`).join(' or ')} decides the result and causes are not weighed`,
      );
    }
  }

  // Causes: each can become likely.
  rules.causes.forEach((cause, ci) => {
    // Usually a witness is quick to find: a few of its signs together, none against it, nothing that stops the check.
    if (likelyWitness(index, cause, stoppers)) return;
    const best = bestScore(index, cause.evidence, stoppers);
    if (best === null) {
      add('warning', ['causes', ci], `could not prove that cause "${cause.id}" can become likely (too many combinations)`);
    } else if (best < cause.thresholds.likely) {
      add(
        'error',
        ['causes', ci, 'thresholds', 'likely'],
        `cause "${cause.id}" can never be likely: the highest score any answers give is ${best}, below its "likely" threshold ${cause.thresholds.likely}`,
      );
    }
  });

  // Urgency levels: each is the outcome of some answers.
  const producible = urgencyLevelsProduced(index, entries, fires);
  for (const level of ['emergency', 'urgent', 'consult', 'self-care'] as const) {
    if (!producible.has(level)) add('error', ['results', 'urgency', level], `no answers lead to "${level}": its result text is never shown`);
  }
  return findings;
}

/**
 * Whether some answers make the cause likely, found directly: up to three of its positive signs that reach the
 * threshold together, with every sign against it false and no red flag or scope exit firing. Finding one proves the
 * cause can be likely; not finding one proves nothing (the full search below decides).
 */
function likelyWitness(index: RulesIndex, cause: Cause, stoppers: readonly RuleEntry[]): boolean {
  const positive = cause.evidence.filter((e) => e.weight > 0).sort((a, b) => b.weight - a.weight);
  const against = cause.evidence.filter((e) => e.weight < 0).map((e) => e.when);
  const tries: (typeof positive)[] = [];
  for (let i = 0; i < positive.length; i++) {
    tries.push([positive[i]!]);
    for (let j = i + 1; j < positive.length; j++) {
      tries.push([positive[i]!, positive[j]!]);
      for (let k = j + 1; k < positive.length; k++) tries.push([positive[i]!, positive[j]!, positive[k]!]);
    }
  }
  for (const signs of tries) {
    if (signs.reduce((sum, e) => sum + e.weight, 0) < cause.thresholds.likely) continue;
    const whens = signs.map((e) => e.when);
    const near = touching(index, whens, stoppers);
    // The commonest answers first: the witness is nearly always a person with no warning sign, which that order
    // reaches in a few steps. In option order the search ticked every doubt first and, in a rules 3.4.0 draft whose
    // same-day rule for several doubts read the training answers that are these causes' evidence, spent its whole
    // budget on each try (77 s of rules:check, and two causes "could not be proved"). A witness found either way
    // proves the same thing.
    const query = { require: whens, forbid: [...against, ...near.map((r) => r.when)] };
    if (solve(index, query, { prefer: answerModel(index.rules).common }).status === 'found') return true;
  }
  return false;
}

/**
 * The highest score a cause can reach while no red flag or scope exit fires. Evidence items that share no
 * question (directly, through skip logic or through a red flag) are independent, so each group is maximised on
 * its own and the maxima add up. Null when a group was too big to search.
 */
function bestScore(
  index: RulesIndex,
  evidence: readonly { id: string; when: Condition; weight: number }[],
  stoppers: readonly RuleEntry[],
): number | null {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  const union = (ids: string[]) => {
    const [first, ...rest] = ids;
    if (first === undefined) return;
    if (!parent.has(first)) parent.set(first, first);
    for (const id of rest) {
      if (!parent.has(id)) parent.set(id, id);
      parent.set(find(id), find(first));
    }
  };
  const evidenceIds = evidence.map((e) => closure(index, [e.when]).map((q) => q.id));
  evidenceIds.forEach(union);
  const near = touching(index, evidence.map((e) => e.when), stoppers);
  const nearIds = near.map((b) => closure(index, [b.when]).map((q) => q.id));
  nearIds.forEach(union);

  const groups = new Map<string, { score: { when: Condition; weight: number }[]; forbid: Condition[] }>();
  const group = (ids: string[]) => {
    const root = find(ids[0] ?? '');
    const g = groups.get(root) ?? { score: [], forbid: [] };
    groups.set(root, g);
    return g;
  };
  evidence.forEach((e, i) => group(evidenceIds[i] ?? []).score.push({ when: e.when, weight: e.weight }));
  near.forEach((b, i) => {
    const ids = nearIds[i] ?? [];
    if (ids.some((id) => groups.has(find(id)))) group(ids).forbid.push(b.when);
  });
  let total = 0;
  for (const g of groups.values()) {
    if (g.score.length === 0) continue;
    const result = solve(index, { forbid: g.forbid, score: g.score }, { maximize: true });
    if (result.status === 'unknown') return null;
    // A group whose answers always raise a red flag adds nothing (its evidence is reported separately).
    if (result.status === 'found') total += Math.max(0, result.score);
  }
  return total;
}

/** Which urgency levels some answers produce: one query per rule, with only nearby rules forbidden. */
function urgencyLevelsProduced(index: RulesIndex, entries: readonly RuleEntry[], fires: Map<string, boolean>): Set<Urgency> {
  const produced = new Set<Urgency>();
  const flags = entries.filter((r) => r.kind === 'redFlag');
  const emergencies = flags.filter((r) => r.level === 'emergency');
  if (emergencies.some((r) => fires.get(r.id))) produced.add('emergency');
  const reaches = (r: RuleEntry, above: RuleEntry[]) => {
    if (fires.get(r.id) !== true) return false;
    const near = touching(index, [r.when], above);
    // One ordinary person with the rule's answers usually fires nothing above it: no search needed then (the full
    // search over every rule near a late, much-read question such as "where is the pain" is slow). A real answer set
    // (see personWith), not the rule's answers with nothing else answered, which no person gives.
    const person = personWith(index, r.when, answerModel(index.rules).common);
    if (person && !near.some((b) => matches(b.when, person))) return true;
    return solve(index, { require: [r.when], forbid: near.map((b) => b.when) }).status === 'found';
  };
  if (flags.some((r) => r.level === 'urgent' && reaches(r, emergencies))) produced.add('urgent');
  if (entries.some((r) => (r.kind === 'consultSign' || (r.kind === 'scopeExit' && r.level === 'consult')) && reaches(r, flags))) produced.add('consult');
  // Self-care needs every urgency rule to stay quiet at once: one query over all of them.
  const quiet = solve(index, { forbid: entries.filter((r) => r.kind !== 'evidence').map((r) => r.when) });
  if (quiet.status === 'found') produced.add('self-care');
  return produced;
}
