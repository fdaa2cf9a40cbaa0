// Red-flag dominance: no combination of other answers can lower the urgency a red flag sets.
//
// The proof is structural. `evaluate` takes the urgency as the highest level of the rules that fired, and causes
// and scope exits only ever raise it, so a red flag keeps its level as long as it fires. What remains to check is
// that each red flag fires from its own answers, whatever else is answered:
//   - no `not` over a question the flag does not itself ask about (answering that question could switch it off);
//   - the flag's questions are not hidden by skip logic that depends on another section's answers (within a section,
//     a follow-up shown only after an answer that itself raises the urgency is an escalation, not a hiding place);
//   - a flag that also needs an answer from another section (e.g. age) only escalates a rule that fires anyway.
// A sampled run of `evaluate` then cross-checks the engine: the flag's own answers are kept, everything else is
// answered at random, and the urgency must never fall below the flag's level.
import { evaluate, urgencyRank } from '../engine/evaluate.ts';
import { matches, questionsIn } from '../engine/conditions.ts';
import type { Condition } from '../rules/schema.ts';
import { canonical, ruleEntries, type Finding } from './finding.ts';
import { randomAnswers, seededRandom } from '../engine/random-answers.ts';
import { closure, solve, type RulesIndex } from '../engine/solver.ts';
import { personWith } from './person-with.ts';
import { answerModel } from './population.ts';

/** Leaves with their polarity: a leaf under an odd number of `not`s can switch the rule off when it matches. */
function polarLeaves(c: Condition, positive = true): { question: string; positive: boolean }[] {
  if ('all' in c) return c.all.flatMap((x) => polarLeaves(x, positive));
  if ('any' in c) return c.any.flatMap((x) => polarLeaves(x, positive));
  if ('not' in c) return polarLeaves(c.not, !positive);
  if ('of' in c) return c.of.flatMap((x) => polarLeaves(x, positive));
  return [{ question: c.question, positive }];
}

/**
 * The flag's condition with the leaves on `questionId` taken as true: what the rest of its answers must be for the
 * flag to fire when that question says what the flag needs. Null when that alone is enough.
 */
function assumeTrue(c: Condition, questionId: string): Condition | null {
  if ('all' in c) {
    const parts = c.all.map((x) => assumeTrue(x, questionId)).filter((x): x is Condition => x !== null);
    return parts.length === 0 ? null : parts.length === 1 ? (parts[0] as Condition) : { all: parts };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => assumeTrue(x, questionId));
    if (parts.some((x) => x === null)) return null;
    return { any: parts as Condition[] };
  }
  if ('not' in c) return c;
  if ('of' in c) {
    // Parts that the question alone makes true count towards the number needed; the rest must supply the others.
    const parts = c.of.map((x) => assumeTrue(x, questionId));
    const need = c.atLeast - parts.filter((x) => x === null).length;
    const open = parts.filter((x): x is Condition => x !== null);
    if (need <= 0) return null;
    return need === 1 ? (open.length === 1 ? (open[0] as Condition) : { any: open }) : { atLeast: need, of: open };
  }
  return c.question === questionId ? null : c;
}

/**
 * Whether the skip logic that shows one of the flag's questions holds whenever the rest of the flag does: then no
 * answer can hide the question from someone the flag is about (e.g. "blood thinners" asked only after a fall, for
 * the flag "a fall while on blood thinners"). Proved with the solver: the rest of the flag with the skip logic false
 * is impossible.
 */
function gateImplied(index: RulesIndex, when: Condition, questionId: string, showIf: Condition): boolean {
  const rest = assumeTrue(when, questionId);
  if (rest === null) return false;
  return solve(index, { require: [rest], forbid: [showIf] }).status === 'impossible';
}

/**
 * Whether, whenever `when` holds, some other red flag or consult sign fires anyway: then a rule that needs `when`
 * only escalates an urgency that is already raised (e.g. "is the weakness getting worse?" asked only after "one leg
 * gives way", itself urgent). Only rules sharing a question with `when` can follow from it, so only they are tried.
 */
function raisedAnyway(index: RulesIndex, when: Condition, except: string): boolean {
  const asked = new Set(questionsIn(when));
  const others = raisingRules(index).filter((r) => r.id !== except && r.questions.some((id) => asked.has(id)));
  if (others.length === 0) return false;
  // One person with `when` who fires none of them settles it with no search: nothing fires anyway for them (see
  // personWith). Those they do fire are the only candidates for following from `when`.
  const common = answerModel(index.rules).common;
  const person = personWith(index, when, common);
  const candidates = person ? others.filter((r) => matches(r.when, person)) : others;
  if (candidates.length === 0) return false;
  // Most often one rule alone follows from `when` ("belly pain" for "belly pain over 50 that is not settling"): try
  // each on its own first. These searches are small; forbidding every rule at once can outgrow the solver's budget
  // when the shared question is asked late, and an unknown answer would only raise a needless warning.
  if (candidates.some((r) => solve(index, { require: [when], forbid: [r.when] }).status === 'impossible')) return true;
  // The joint search gets a fiftieth of the usual budget: when the shared question is one many rules read (the pain
  // map), proving that no answers escape them all can take the full budget and seconds, only to end "unknown"; an
  // unknown here costs a warning a clinician can accept, not a missed error. Trying the commonest answers first
  // finds the usual escape (a person who says no to everything else) in a few steps: in option order the search
  // ticked every other sign first and spent its whole budget on rules 3.3.0's pregnancy and pain-map questions
  // (about 0.4 s of rules:check's 1 s). The order changes the time, not the answer.
  const forbid = others.map((r) => r.when);
  return solve(index, { require: [when], forbid }, { budget: JOINT_BUDGET, prefer: common }).status === 'impossible';
}

const JOINT_BUDGET = 4_000;

/** The red flags and consult signs, with the questions each reads. */
interface RaisingRule {
  id: string;
  when: Condition;
  questions: readonly string[];
}

const raising = new WeakMap<RulesIndex, readonly RaisingRule[]>();

/**
 * Worked out once per rules index: `raisedAnyway` runs for every gate and base of every red flag, and listing every
 * rule and the questions it reads each time made rules:check grow with the square of the file (half its time on
 * rules ten times larger).
 */
function raisingRules(index: RulesIndex): readonly RaisingRule[] {
  let rules = raising.get(index);
  if (!rules) {
    rules = ruleEntries(index.rules)
      .filter((r) => r.kind === 'redFlag' || r.kind === 'consultSign')
      .map((r) => ({ id: r.id, when: r.when, questions: [...new Set(questionsIn(r.when))] }));
    raising.set(index, rules);
  }
  return rules;
}

/** Conditions that must all hold for the flag to fire: the parts of a top-level `all`, or the condition itself. */
function conjuncts(c: Condition): Condition[] {
  return 'all' in c ? c.all.flatMap(conjuncts) : [c];
}

/**
 * How many `evaluate` runs the sampled cross-check spends, whatever the size of the file: each run costs time in
 * proportion to the file, so a fixed number keeps rules:check linear. Small files get every red flag sampled
 * several times; big ones a spread of red flags, which the structural checks above cover in full anyway.
 */
const FLAG_SAMPLES = 60;
const RANDOM_SAMPLES = 20;

export function dominanceFindings(index: RulesIndex): Finding[] {
  const { rules, byId } = index;
  const findings: Finding[] = [];
  const add = (severity: Finding['severity'], path: Finding['path'], message: string) =>
    findings.push({ severity, check: 'red-flag dominance', path, message });
  const sectionOf = (id: string) => byId.get(id)?.section ?? '';
  const urgencyRules = ruleEntries(rules).filter((r) => r.kind === 'redFlag' || r.kind === 'consultSign');
  const urgencyConditions = new Set(urgencyRules.map((r) => canonical(r.when)));

  rules.redFlags.forEach((flag, fi) => {
    const at = ['redFlags', fi, 'when'];
    const polar = polarLeaves(flag.when);
    const own = new Set(polar.filter((l) => l.positive).map((l) => l.question));
    for (const leaf of polar) {
      if (!leaf.positive && !own.has(leaf.question)) {
        add(
          'error',
          at,
          `red flag "${flag.id}" has a "not" over "${leaf.question}" (section ${sectionOf(leaf.question)}): answering that question could switch the red flag off. Write the flag from its own answers only`,
        );
      }
    }

    // Skip logic on the flag's own questions.
    for (const id of own) {
      const q = byId.get(id);
      if (!q?.showIf) continue;
      // Gating the flag's own condition implies cannot switch it off: whoever has the sign sees the question.
      // A follow-up shown only after an answer that already raises the urgency just escalates that answer: it hides
      // nothing the person has not already said no to.
      const impliedGate = gateImplied(index, flag.when, id, q.showIf);
      const escalatesGate = !impliedGate && raisedAnyway(index, q.showIf, flag.id);
      for (const gate of closure(index, [q.showIf])) {
        if (gate.id === id || impliedGate) continue;
        if (gate.section !== q.section) {
          add(
            'error',
            at,
            `red flag "${flag.id}" can be switched off by the answer to "${gate.id}" (section ${gate.section}): it hides "${id}" through showIf. Ask red-flag questions of everyone, or gate them only within their own section`,
          );
        } else if (!escalatesGate) {
          add(
            'warning',
            at,
            `red flag "${flag.id}" is only asked about when "${gate.id}" makes "${id}" appear: check that nobody with this sign can answer "${gate.id}" so that it stays hidden`,
          );
        }
      }
    }

    // Needing an answer from another section: fine when it only escalates a rule the own answers already fire.
    const first = questionsIn(flag.when)[0];
    const home = first ? sectionOf(first) : '';
    const parts = conjuncts(flag.when);
    const outside = parts.filter((p) => questionsIn(p).every((id) => sectionOf(id) !== home));
    if (outside.length > 0) {
      const inside = parts.filter((p) => !outside.includes(p));
      const base: Condition | undefined = inside.length === 1 ? inside[0] : inside.length > 1 ? { all: inside } : undefined;
      const escalates =
        base !== undefined && (urgencyConditions.has(canonical(base)) || raisedAnyway(index, base, flag.id));
      if (!escalates) {
        const others = [...new Set(outside.flatMap(questionsIn))];
        add(
          'warning',
          at,
          `red flag "${flag.id}" fires only when ${others.map((id) => `"${id}"`).join(', ')} also ${others.length === 1 ? 'matches' : 'match'}: other answers there keep it from firing, and no lower-level rule covers its own answers alone`,
        );
      }
    }
  });

  findings.push(...sampledFindings(index));
  return findings;
}

/**
 * For each red flag, find answers that fire it, keep the flag's own answers and answer everything else at random:
 * the flag must still fire and the urgency must be at least its level. Also checks, on random answer sets, that
 * consult signs and scope exits never leave the urgency at self-care.
 */
function sampledFindings(index: RulesIndex): Finding[] {
  const { rules, byId } = index;
  const findings: Finding[] = [];
  const random = seededRandom(rules.questions.length * 7919 + rules.redFlags.length);
  const flagCount = rules.redFlags.length;
  const perFlag = Math.max(1, Math.floor(FLAG_SAMPLES / Math.max(1, flagCount)));
  const step = Math.max(1, Math.ceil(flagCount / FLAG_SAMPLES));

  rules.redFlags.forEach((flag, fi) => {
    if (fi % step !== 0) return;
    const witness = solve(index, { require: [flag.when] });
    if (witness.status !== 'found') return; // reported by completeness
    // Keep the flag's positive answers and the same-section skip logic that shows them; vary all the rest.
    const keep = new Set<string>();
    for (const leaf of polarLeaves(flag.when)) {
      if (!leaf.positive) continue;
      keep.add(leaf.question);
      const q = byId.get(leaf.question);
      if (q?.showIf) for (const g of closure(index, [q.showIf])) if (g.section === q.section) keep.add(g.id);
    }
    const fixed = Object.fromEntries(Object.entries(witness.answers).filter(([id]) => keep.has(id)));
    for (let i = 0; i < perFlag; i++) {
      const answers = randomAnswers(rules, random, fixed);
      const result = evaluate(rules, answers);
      const fired = result.redFlags.some((h) => h.id === flag.id);
      if (!fired || urgencyRank(result.urgency) < urgencyRank(flag.level)) {
        findings.push({
          severity: 'error',
          check: 'red-flag dominance',
          path: ['redFlags', fi],
          message: `sampled check: with ${describe(fixed)} red flag "${flag.id}" should give at least "${flag.level}", but other answers (${describe(answers, keep)}) gave "${result.urgency}"${fired ? '' : ' and the flag did not fire'}`,
        });
        return;
      }
    }
  });

  for (let i = 0; i < RANDOM_SAMPLES; i++) {
    const answers = randomAnswers(rules, random);
    const result = evaluate(rules, answers);
    const raised = [...rules.consultSigns, ...rules.scopeExits.filter((r) => r.level === 'consult')].find((r) => matches(r.when, answers));
    if (raised && result.urgency === 'self-care') {
      findings.push({
        severity: 'error',
        check: 'red-flag dominance',
        path: [],
        message: `sampled check: "${raised.id}" fired but the result was self-care (${describe(answers)})`,
      });
      break;
    }
  }
  return findings;
}

function describe(answers: Readonly<Record<string, unknown>>, except?: Set<string>): string {
  const parts = Object.entries(answers)
    .filter(([id]) => !except?.has(id))
    .map(([id, v]) => `${id}=${Array.isArray(v) ? v.join('+') : String(v)}`);
  return parts.length > 8 ? `${parts.slice(0, 8).join(', ')}, ...` : parts.join(', ') || 'no answers';
}
