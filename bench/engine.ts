// Engine speed: how many full evaluations and machine transitions per second, on random valid answer sets.
import { createActor } from 'xstate';
import type { Answers } from '../src/engine/answers.ts';
import { evaluate } from '../src/engine/evaluate.ts';
import { responseFor } from '../src/engine/navigation.ts';
import { checkMachine, currentStep } from '../src/flow/machine.ts';
import type { Rules } from '../src/rules/schema.ts';
import { calmPath, randomAnswerSets, randomFullAnswers, seededRandom } from './answer-sets.ts';
import { medianRate } from './stats.ts';

export interface EngineFigures {
  answerSets: number;
  evaluatePerSecond: number;
  evaluateSamples: number[];
  /**
   * The same with every word of each result read, as a result page reads them: a hit's and a cause's "because" are
   * worked out on first read, which the population and the linter's walks never do.
   */
  evaluateAllWordsPerSecond: number;
  evaluateAllWordsSamples: number[];
  machineTransitionsPerSecond: number;
  machineSamples: number[];
  /** Average events per walk (start, each answer, confirm): a walk is one person's whole check. */
  eventsPerWalk: number;
  /** The same on the calm path, which visits every screen: the slowest, most common walk. */
  calmTransitionsPerSecond: number;
  calmSamples: number[];
  calmWalkEvents: number;
}

export function benchEngine(rules: Rules): EngineFigures {
  const sets = randomAnswerSets(rules, 1000, 42);
  // A sink the optimiser cannot see through, so the calls are not dropped as dead code.
  let sink = 0;
  const evaluateRate = medianRate((i) => {
    sink += evaluate(rules, sets[i % sets.length] as Answers).causes.length;
  });
  const allWordsRate = medianRate((i) => {
    const result = evaluate(rules, sets[i % sets.length] as Answers);
    for (const hit of result.redFlags) sink += hit.because.length;
    for (const hit of result.consultSigns) sink += hit.because.length;
    for (const cause of result.causes) sink += cause.because.length;
  });

  // Walks are pre-generated so the measured loop only creates actors and sends events.
  const random = seededRandom(7);
  const walks = Array.from({ length: 200 }, () => randomFullAnswers(rules, random));
  let events = 0;
  let walksDone = 0;
  const machineRate = medianRate(
    (i) => {
      const answers = walks[i % walks.length] as Answers;
      const actor = createActor(checkMachine, { input: { rules } }).start();
      actor.send({ type: 'user.start' });
      let sent = 1;
      for (let snapshot = actor.getSnapshot(); snapshot.value === 'question'; snapshot = actor.getSnapshot()) {
        const step = currentStep(snapshot.context);
        const response = step ? responseFor(step, answers) : null;
        if (!response) throw new Error(`the walk has no answer for ${String(snapshot.context.current)}`);
        actor.send({ type: 'user.answer', response });
        sent++;
      }
      if (actor.getSnapshot().value === 'review') {
        actor.send({ type: 'user.confirm' });
        sent++;
      }
      actor.stop();
      events += sent;
      // Walks per second times events per walk gives transitions per second.
      walksDone++;
    },
    { windowMs: 300 },
  );
  const eventsPerWalk = events / walksDone;

  const calm = calmPath(rules).map((p) => p.response);
  const calmWalkEvents = calm.length + 2;
  const calmRate = medianRate(
    () => {
      const actor = createActor(checkMachine, { input: { rules } }).start();
      actor.send({ type: 'user.start' });
      for (const response of calm) actor.send({ type: 'user.answer', response });
      actor.send({ type: 'user.confirm' });
      if (actor.getSnapshot().value !== 'result') throw new Error('the calm walk did not reach the result');
      actor.stop();
    },
    { windowMs: 300 },
  );
  if (sink < 0) console.log(sink);
  return {
    answerSets: sets.length,
    evaluatePerSecond: evaluateRate.median,
    evaluateSamples: evaluateRate.samples,
    evaluateAllWordsPerSecond: allWordsRate.median,
    evaluateAllWordsSamples: allWordsRate.samples,
    machineTransitionsPerSecond: machineRate.median * eventsPerWalk,
    machineSamples: machineRate.samples.map((r) => r * eventsPerWalk),
    eventsPerWalk,
    calmTransitionsPerSecond: calmRate.median * calmWalkEvents,
    calmSamples: calmRate.samples.map((r) => r * calmWalkEvents),
    calmWalkEvents,
  };
}
