// Running a scenario: its answers go through the real state machine (so a scenario also proves the questionnaire
// asks what it should and stops where it should), then `evaluate` gives the result the person would see, which is
// compared with what the clinician expected.
import { createActor, type ActorRefFrom } from 'xstate';
import { answerSetProblems } from '../engine/answer-set.ts';
import type { Answers } from '../engine/answers.ts';
import { evaluate, type FiredRule, type Result } from '../engine/evaluate.ts';
import { becauseByRule } from '../engine/trace-words.ts';
import { compareFollowUp, DAY_MS, type PreviousCheck } from '../engine/follow-up.ts';
import { countedAnswers, responseFor } from '../engine/navigation.ts';
import { layoutOf } from '../engine/screens.ts';
import { checkMachine, currentStep } from '../flow/machine.ts';
import type { Rules } from '../rules/schema.ts';
import type { Change, Expect, Scenario, ScenarioAnswers, ScenarioFile } from './schema.ts';

export interface StepOutcome {
  /** "answers" for the first run, "change 1", "change 2", ... for the changes. */
  label: string;
  failures: string[];
  trace: FiredRule[];
  /** For a step that failed: the answers behind each rule that fired (`becauseByRule`). */
  because?: Record<string, string[]>;
}

export interface ScenarioOutcome {
  name: string;
  index: number;
  passed: boolean;
  steps: StepOutcome[];
}

export interface ReferenceProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Ids in a scenario file that do not exist in the rules, and answers that do not fit their question. Caught before
 * running, because `notLikely: [postur]` would otherwise pass without testing anything.
 */
export function scenarioReferenceProblems(rules: Rules, file: ScenarioFile): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const known = {
    redFlags: new Set(rules.redFlags.map((r) => r.id)),
    consultSigns: new Set(rules.consultSigns.map((r) => r.id)),
    outOfScope: new Set(rules.scopeExits.map((r) => r.id)),
    causes: new Set(rules.causes.map((c) => c.id)),
    advice: new Set(rules.advice.map((r) => r.id)),
    questions: new Set(rules.questions.map((q) => q.id)),
    followUp: new Set(rules.followUp?.outcomes.map((o) => o.id) ?? []),
    step: new Set(rules.followUp?.steps.map((o) => o.id) ?? []),
  };
  const answers = (raw: ScenarioAnswers, path: (string | number)[], checkShown: boolean) => {
    for (const p of answerSetProblems(rules, raw)) {
      if (p.kind === 'not_applicable' && !checkShown) continue;
      problems.push({ path: [...path, p.questionId], message: p.message });
    }
  };
  const expect = (e: Expect & { dropped?: string[] }, path: (string | number)[]) => {
    const ids = (list: string[] | undefined, set: Set<string>, key: string, what: string) =>
      list?.forEach((id, i) => {
        if (!set.has(id)) problems.push({ path: [...path, key, i], message: `unknown ${what} "${id}" (known: ${[...set].join(', ')})` });
      });
    ids(e.redFlags, known.redFlags, 'redFlags', 'red flag');
    ids(e.consultSigns, known.consultSigns, 'consultSigns', 'consult sign');
    ids(e.likely, known.causes, 'likely', 'cause');
    ids(e.possible, known.causes, 'possible', 'cause');
    ids(e.notLikely, known.causes, 'notLikely', 'cause');
    ids(e.advice, known.advice, 'advice', 'advice rule');
    ids(e.dropped, known.questions, 'dropped', 'question');
    for (const key of ['followUp', 'step'] as const) {
      const id = e[key];
      if (typeof id === 'string' && !known[key].has(id)) problems.push({ path: [...path, key], message: `unknown follow-up ${key === 'step' ? 'step' : 'outcome'} "${id}" (known: ${[...known[key]].join(', ')})` });
    }
    if (typeof e.outOfScope === 'string' && !known.outOfScope.has(e.outOfScope)) {
      problems.push({ path: [...path, 'outOfScope'], message: `unknown scope exit "${e.outOfScope}" (known: ${[...known.outOfScope].join(', ')})` });
    }
  };
  if (file.defaults) answers(file.defaults.answers, ['defaults', 'answers'], false);
  file.scenarios.forEach((s, i) => {
    const at = ['scenarios', i];
    // Judge visibility on the answers the scenario really gives, defaults included.
    const merged = { ...(file.defaults?.answers ?? {}), ...s.answers };
    for (const p of answerSetProblems(rules, merged)) {
      if (!(p.questionId in s.answers)) continue;
      problems.push({ path: [...at, 'answers', p.questionId], message: p.message });
    }
    expect(s.expect, [...at, 'expect']);
    if (s.previous) {
      if (!rules.followUp) problems.push({ path: [...at, 'previous'], message: 'these rules have no followUp block' });
      answers(s.previous.answers, [...at, 'previous', 'answers'], false);
      const keep = new Set(rules.followUp?.keep ?? []);
      for (const id of Object.keys(s.previous.answers)) {
        if (!keep.has(id)) problems.push({ path: [...at, 'previous', 'answers', id], message: `"${id}" is not kept for a follow-up (followUp.keep: ${[...keep].join(', ')})` });
      }
    }
    s.changes?.forEach((c, ci) => {
      answers(c.change, [...at, 'changes', ci, 'change'], false);
      if (c.answers) answers(c.answers, [...at, 'changes', ci, 'answers'], false);
      expect(c.expect, [...at, 'changes', ci, 'expect']);
    });
  });
  return problems;
}

type CheckActor = ActorRefFrom<typeof checkMachine>;

/** Answer whatever the check asks, from `answers`, until it reaches the review or the result. */
function answerAsked(actor: CheckActor, answers: ScenarioAnswers, limit: number): string | null {
  for (let i = 0; i < limit; i++) {
    const snapshot = actor.getSnapshot();
    if (!snapshot.matches('question')) return null;
    const problem = answerStep(actor, answers);
    if (problem) return problem;
  }
  return 'the questionnaire kept asking questions and never reached a result';
}

/** Give the response the scenario's answers call for on the step on screen. */
function answerStep(actor: CheckActor, answers: ScenarioAnswers): string | null {
  const step = currentStep(actor.getSnapshot().context);
  if (!step) return `the questionnaire is on "${actor.getSnapshot().context.current}", which is not on its path`;
  const response = responseFor(step, answers);
  if (!response) {
    const missing = step.questions.filter((q) => answers[q.id] === undefined).map((q) => q.id);
    return `the questionnaire asked ${missing.map((id) => `"${id}"`).join(', ')}, but the scenario has no answer for ${missing.length === 1 ? 'it' : 'them'}`;
  }
  actor.send({ type: 'user.answer', response });
  const error = actor.getSnapshot().context.error;
  return error ? `the answer to "${step.key}" was refused: ${error.problems.map((p) => p.message).join('; ')}` : null;
}

/** A scenario's earlier check, as a follow-up would find it kept `daysAgo` days before `now`. */
function previousCheck(rules: Rules, previous: NonNullable<Scenario['previous']>, now: number): PreviousCheck {
  return { date: now - previous.daysAgo * DAY_MS, urgency: previous.urgency, causes: [], answers: { ...previous.answers }, rulesId: rules.meta.id, rulesVersion: rules.meta.version };
}

/** A follow-up scenario: its answers through the machine in follow-up mode, then the comparison the person sees. */
function runFollowUpScenario(rules: Rules, scenario: Scenario, index: number, defaults: ScenarioAnswers): ScenarioOutcome {
  const now = Date.UTC(2026, 0, 31, 12);
  const previous = previousCheck(rules, scenario.previous!, now);
  const actor = createActor(checkMachine, { input: { rules, followUp: previous } }).start();
  actor.send({ type: 'user.start' });
  const stuck = answerAsked(actor, { ...defaults, ...scenario.answers }, rules.questions.length * 2 + 2);
  const ctx = actor.getSnapshot().context;
  actor.stop();
  const c = compareFollowUp(rules, previous, ctx.answers, now);
  const failures = stuck ? [stuck] : compare(scenario.expect, { ...c.result, urgency: c.urgency });
  if (!stuck) {
    const check = (key: 'followUp' | 'step', actual: string | false) => {
      const wanted = scenario.expect[key];
      if (wanted !== undefined && wanted !== actual) failures.push(`follow-up ${key === 'step' ? 'step' : 'outcome'}: expected ${wanted || 'none'}, got ${actual || 'none'}`);
    };
    check('followUp', c.usual ? false : (c.outcome?.id ?? false));
    check('step', c.step?.id ?? false);
  }
  return { name: scenario.name, index, passed: failures.length === 0, steps: [{ label: `follow-up after ${scenario.previous!.daysAgo} days`, failures, trace: c.result.trace, because: becauseByRule(c.result) }] };
}

export function runScenario(rules: Rules, scenario: Scenario, index: number, defaults: ScenarioAnswers = {}): ScenarioOutcome {
  if (scenario.previous) return runFollowUpScenario(rules, scenario, index, defaults);
  const steps: StepOutcome[] = [];
  const limit = rules.questions.length * 2 + 2;
  const actor = createActor(checkMachine, { input: { rules } }).start();
  actor.send({ type: 'user.start' });
  let known: ScenarioAnswers = { ...defaults, ...scenario.answers };
  const stuck = answerAsked(actor, known, limit);
  steps.push(stepOutcome('answers', stuck, scenario.expect, actor.getSnapshot().context.answers, rules));

  scenario.changes?.forEach((change, ci) => {
    const label = `change ${ci + 1} (${Object.entries(change.change).map(([q, v]) => `${q} -> ${String(v)}`).join(', ')})`;
    const before = actor.getSnapshot().context.answers;
    known = { ...known, ...(change.answers ?? {}), ...change.change };
    const problem = applyChange(actor, change, known, limit);
    const after = actor.getSnapshot().context.answers;
    const outcome = stepOutcome(label, problem, change.expect, after, rules);
    if (!problem && change.expect.dropped) {
      // Dropped: answers removed because skip logic now hides their question.
      const dropped = Object.keys(before).filter((id) => after[id] === undefined);
      const mismatch = setMismatch('dropped answers', change.expect.dropped, dropped);
      if (mismatch) outcome.failures.push(mismatch);
    }
    steps.push(outcome);
  });
  actor.stop();
  return { name: scenario.name, index, passed: steps.every((s) => s.failures.length === 0), steps };
}

function applyChange(actor: CheckActor, change: Change, known: ScenarioAnswers, limit: number): string | null {
  const layout = layoutOf(actor.getSnapshot().context.rules);
  for (const questionId of Object.keys(change.change)) {
    if (!actor.getSnapshot().matches('review')) {
      return `cannot change "${questionId}": the questionnaire is not on the review screen (a red flag or scope exit ended it early)`;
    }
    const screen = layout.screenOf.get(questionId);
    actor.send({ type: 'user.change', screen: screen?.id ?? questionId });
    if (!actor.getSnapshot().matches('question')) return `cannot change "${questionId}": it was not answered`;
    const problem = answerStep(actor, known) ?? answerAsked(actor, known, limit);
    if (problem) return problem;
  }
  return null;
}

function stepOutcome(label: string, problem: string | null, expect: Expect, answers: Answers, rules: Rules): StepOutcome {
  const result = evaluate(rules, countedAnswers(rules, answers));
  const failures = problem ? [problem] : compare(expect, result);
  return { label, failures, trace: result.trace, ...(failures.length > 0 ? { because: becauseByRule(result) } : {}) };
}

/** Each way the result differs from what was expected, in words. */
export function compare(expect: Expect, result: Result): string[] {
  const failures: string[] = [];
  if (result.urgency !== expect.urgency) failures.push(`urgency: expected ${expect.urgency}, got ${result.urgency}`);
  const check = (what: string, wanted: string[] | undefined, actual: string[]) => {
    const mismatch = wanted && setMismatch(what, wanted, actual);
    if (mismatch) failures.push(mismatch);
  };
  const withLikelihood = (l: string) => result.causes.filter((c) => c.likelihood === l).map((c) => c.id);
  check('red flags', expect.redFlags, result.redFlags.map((h) => h.id));
  check('consult signs', expect.consultSigns, result.consultSigns.map((h) => h.id));
  check('likely causes', expect.likely, withLikelihood('likely'));
  check('possible causes', expect.possible, withLikelihood('possible'));
  check('advice', expect.advice, result.advice.map((a) => a.id));
  const wrongly = (expect.notLikely ?? []).filter((id) => withLikelihood('likely').includes(id));
  if (wrongly.length > 0) failures.push(`not likely: expected ${list(wrongly)} not to be likely, but ${wrongly.length === 1 ? 'it is' : 'they are'}`);
  if (expect.outOfScope !== undefined) {
    const actual = result.outOfScope?.id ?? false;
    if (actual !== expect.outOfScope) failures.push(`out of scope: expected ${expect.outOfScope || 'none'}, got ${actual || 'none'}`);
  }
  return failures;
}

function setMismatch(what: string, wanted: string[], actual: string[]): string | null {
  const a = [...new Set(actual)].sort();
  const w = [...new Set(wanted)].sort();
  return a.join() === w.join() ? null : `${what}: expected ${list(w)}, got ${list(a)}`;
}

function list(ids: string[]): string {
  return ids.length === 0 ? 'none' : `[${ids.join(', ')}]`;
}

export function runScenarioFile(rules: Rules, file: ScenarioFile): ScenarioOutcome[] {
  return file.scenarios.map((s, i) => runScenario(rules, s, i, file.defaults?.answers));
}
