// The reference population through a version of the rules: the share sent to each urgency, overall, by class and by
// group (harmless, mimic, serious), the rules that set each level, what misreadings add, and a sensitivity band with
// every warning-sign rate halved and doubled. People are walked through the questionnaire as the app asks it (skip
// logic, grouped checks, the early stop) and their answers evaluated by the app's own `evaluate`.
//
// The model names answers in its own rules version's ids. Another version (an older one, for rules:diff --impact)
// gets each person's answers through an answer map where it renamed or merged questions (src/lint/answer-map.ts),
// by id where it kept them, and its most common answer where it has a question the model does not.
import type { AnswerValue, Answers } from '../engine/answers.ts';
import { answerProblem } from '../engine/answers.ts';
import { evaluate, useWordsKeys, type Result } from '../engine/evaluate.ts';
import { matches } from '../engine/conditions.ts';
import { wordsKeyOf } from '../engine/words-keys.ts';
import { mappedAnswer, type AnswerMap } from '../lint/answer-map.ts';
import { answerModel, walkQuestionnaire } from '../lint/population.ts';
import type { Rules, Urgency } from '../rules/schema.ts';
import type { ClassGroup, Population } from './model.ts';
import { compilePopulation, drawPerson, personDraws, type CompiledPopulation, type Person } from './people.ts';

/** Fractions of the people counted, by urgency. */
export interface UrgencyShares {
  emergency: number;
  urgent: number;
  consult: number;
  selfCare: number;
}

export interface ClassFigures extends UrgencyShares {
  title: string;
  group: ClassGroup;
  /** Of all people drawn. */
  share: number;
  people: number;
}

export type RankedLevel = 'emergency' | 'urgent' | 'consult';

export interface PopulationFigures {
  model: { id: string; version: string; title: string };
  rules: { id: string; version: string };
  people: number;
  seed: number;
  central: UrgencyShares;
  byClass: Record<string, ClassFigures>;
  byGroup: Record<ClassGroup, UrgencyShares & { people: number }>;
  /** For each level, the rules that set it, by the share of all people in whom they did (top five). */
  topRules: Record<RankedLevel, { id: string; share: number }[]>;
  serious: {
    people: number;
    /** The share of the whole serious group sent to urgent or emergency care. */
    urgentOrEmergency: number;
    /**
     * The share sent to urgent or emergency care of everyone the rules could have recognised (the budget: all of
     * them): the group without the people missed after a self-check settled their only sign as No.
     */
    urgentOrEmergencyByRules: number;
    /** Up to five people of the serious group the rules missed, with their class and result. */
    missed: { classId: string; urgency: Urgency; answers: Answers }[];
    /**
     * People of the serious group missed because their own self-check settled the "not sure" that was their only
     * presentation as No (a normal tissue test in an early cauda equina): a limit of the self-checks, reported apart.
     */
    missedAfterSelfCheck: { people: number; share: number; examples: { classId: string; urgency: Urgency; settled: string[] }[] };
  };
  misreadings: {
    /** The share of people who mistook a normal sensation for a sign. */
    people: number;
    /** The share of all people whose urgency a misreading raised to each level (it would be lower without it). */
    raisedTo: UrgencyShares;
  };
  /** Every warning-sign rate halved and doubled (the same people otherwise): central shares. */
  band?: { halved: UrgencyShares; doubled: UrgencyShares };
  /**
   * The share of all people sent to an emergency whose every deciding red flag names its own service (its `action`)
   * instead of the emergency number: counted apart, since they are not 999 or A&E calls.
   */
  emergencyOwnService: number;
}

export interface PopulationRun {
  /** The version to measure; the model's own version when `map` is absent and the ids match. */
  rules: Rules;
  model: Population;
  /** The rules the model's ids belong to. */
  modelRules: Rules;
  /** How the model's answers carry over to `rules`, when that version renamed or merged questions. */
  map?: AnswerMap;
  people?: number;
  seed?: number;
  /** Also run the sensitivity band (twice the time again). */
  band?: boolean;
}

export const DEFAULT_PEOPLE = 100_000;
export const DEFAULT_POPULATION_SEED = 2026;
const RANKED: readonly RankedLevel[] = ['emergency', 'urgent', 'consult'];
const TOP = 5;

export function runPopulation(options: PopulationRun): PopulationFigures {
  // 100,000 people through the same rules: words remembered by what each rule can quote (see evaluate.ts).
  useWordsKeys(wordsKeyOf);
  const people = options.people ?? DEFAULT_PEOPLE;
  const seed = options.seed ?? DEFAULT_POPULATION_SEED;
  const central = compilePopulation(options.model, options.modelRules);
  const outcome = outcomeFor(options.rules, options.modelRules, options.map);
  const counts = newCounts(central, options.rules);
  for (let i = 0; i < people; i++) {
    const person = drawPerson(central, personDraws(seed, i));
    const result = outcome(person);
    tally(counts, central, person, result, () => outcome({ ...person, answers: person.clean ?? person.answers, confirmed: new Map() }).urgency);
  }
  const figures = summarise(counts, central, options, people, seed);
  if (!options.band) return figures;
  const bandAt = (factor: number): UrgencyShares => {
    const scaled = compilePopulation(options.model, options.modelRules, factor);
    // The same people (the same draws), with every warning-sign rate scaled.
    const tallies = { emergency: 0, urgent: 0, consult: 0, 'self-care': 0 } as Record<Urgency, number>;
    for (let i = 0; i < people; i++) {
      const person = drawPerson(scaled, personDraws(seed, i));
      tallies[outcome(person).urgency]++;
    }
    return shares(tallies, people);
  };
  return { ...figures, band: { halved: bandAt(0.5), doubled: bandAt(2) } };
}

/** How one version of the rules turns a person's answers (in the model's ids) into a result. */
function outcomeFor(rules: Rules, modelRules: Rules, map: AnswerMap | undefined) {
  const common = answerModel(rules).common;
  const sameIds = map === undefined && rules.meta.id === modelRules.meta.id && rules.meta.version === modelRules.meta.version;
  const checked = selfCheckedQuestions(rules);
  const confirming = new Set(rules.questions.filter((q) => q.confirm === true).map((q) => q.id));
  return (person: Pick<Person, 'answers' | 'settled' | 'confirmed'>): Result => {
    const { answers, settled, confirmed } = person;
    // What the person answers in this version: a self-check settles "not sure" where the version shows one; a sign
    // ticked by mistake is taken back where the version confirms it in full words.
    const answerFor = (id: string): AnswerValue | undefined => {
      const own = settled.get(id);
      if (own !== undefined && checked.has(id)) return own;
      const second = confirmed.get(id);
      return second !== undefined && confirming.has(id) ? second : answers[id];
    };
    const walked = walkQuestionnaire(rules, (q) => {
      if (sameIds) return answerFor(q.id) ?? (common[q.id] as AnswerValue);
      const mapped = map ? mappedAnswer(map, rules, q.id, (id) => answers[id]) : undefined;
      if (mapped !== undefined) return mapped;
      const same = answerFor(q.id);
      return same !== undefined && answerProblem(q, same) === null ? same : (common[q.id] as AnswerValue);
    });
    return evaluate(rules, walked);
  };
}

interface Counts {
  overall: Record<Urgency, number>;
  byClass: Record<Urgency, number>[];
  rules: Record<RankedLevel, Map<string, number>>;
  misread: number;
  raisedTo: Record<Urgency, number>;
  missed: { classId: string; urgency: Urgency; answers: Answers }[];
  missedAfterSelfCheck: { classId: string; urgency: Urgency; settled: string[] }[];
  missedAfterSelfCheckPeople: number;
  /** The questions these rules give a self-check. */
  checked: ReadonlySet<string>;
  /** Red flags with their own action (a service other than the emergency number), and the emergencies they set. */
  ownActionFlags: ReadonlySet<string>;
  ownService: number;
}

function newCounts(population: CompiledPopulation, rules: Rules): Counts {
  const zero = (): Record<Urgency, number> => ({ emergency: 0, urgent: 0, consult: 0, 'self-care': 0 });
  return {
    ownActionFlags: new Set(rules.redFlags.filter((r) => r.action).map((r) => r.id)),
    ownService: 0,
    overall: zero(),
    byClass: population.classes.map(zero),
    rules: { emergency: new Map(), urgent: new Map(), consult: new Map() },
    misread: 0,
    raisedTo: zero(),
    missed: [],
    missedAfterSelfCheck: [],
    missedAfterSelfCheckPeople: 0,
    checked: selfCheckedQuestions(rules),
  };
}

/** The questions a version gives a self-check: only there does a settled "not sure" count. */
function selfCheckedQuestions(rules: Rules): ReadonlySet<string> {
  return new Set(rules.questions.filter((q) => q.check !== undefined).map((q) => q.id));
}

const RANK: Record<Urgency, number> = { 'self-care': 0, consult: 1, urgent: 2, emergency: 3 };

/**
 * A serious person whose every presentation was a "not sure" that their own self-check, one these rules show, settled
 * as No: the answers the rules read no longer show the disease (a normal tissue test in an early cauda equina). Such a
 * miss is a limit of the self-check, counted apart from the rules' misses so that a check that falsely reassures is
 * seen, not hidden.
 */
function hiddenBySelfCheck(cls: CompiledPopulation['classes'][number], person: Person, checked: ReadonlySet<string>): boolean {
  const settledHere = [...person.settled].filter(([id]) => checked.has(id));
  if (!cls.requireAny || settledHere.length === 0) return false;
  const read = { ...(person.clean ?? person.answers), ...Object.fromEntries(settledHere) };
  return !cls.requireAny.some((c) => matches(c, read));
}

function tally(counts: Counts, population: CompiledPopulation, person: Person, result: Result, withoutMisreading: () => Urgency): void {
  const { urgency } = result;
  counts.overall[urgency]++;
  (counts.byClass[person.classIndex] as Record<Urgency, number>)[urgency]++;
  if (urgency !== 'self-care') {
    const setting =
      urgency === 'consult'
        ? [...result.consultSigns.map((h) => h.id), ...(result.outOfScope ? [result.outOfScope.id] : [])]
        : result.redFlags.filter((h) => h.level === urgency).map((h) => h.id);
    const byRule = counts.rules[urgency];
    for (const id of setting) byRule.set(id, (byRule.get(id) ?? 0) + 1);
    if (urgency === 'emergency' && setting.length > 0 && setting.every((id) => counts.ownActionFlags.has(id))) counts.ownService++;
  }
  if (person.misread.length > 0) {
    counts.misread++;
    if (RANK[withoutMisreading()] < RANK[urgency]) counts.raisedTo[urgency]++;
  }
  const cls = population.classes[person.classIndex];
  if (cls?.group === 'serious' && RANK[urgency] < RANK.urgent) {
    if (hiddenBySelfCheck(cls, person, counts.checked)) {
      counts.missedAfterSelfCheckPeople++;
      if (counts.missedAfterSelfCheck.length < 5) counts.missedAfterSelfCheck.push({ classId: cls.id, urgency, settled: [...person.settled.keys()] });
    } else if (counts.missed.length < 5) {
      counts.missed.push({ classId: cls.id, urgency, answers: result.redFlags.length === 0 ? { ...person.answers } : {} });
    }
  }
}

function shares(t: Record<Urgency, number>, n: number): UrgencyShares {
  const f = (x: number) => (n === 0 ? 0 : x / n);
  return { emergency: f(t.emergency), urgent: f(t.urgent), consult: f(t.consult), selfCare: f(t['self-care']) };
}

function summarise(counts: Counts, population: CompiledPopulation, options: PopulationRun, people: number, seed: number): PopulationFigures {
  const byClass: Record<string, ClassFigures> = {};
  const groups = new Map<ClassGroup, Record<Urgency, number>>();
  population.classes.forEach((cls, i) => {
    const t = counts.byClass[i] as Record<Urgency, number>;
    const n = t.emergency + t.urgent + t.consult + t['self-care'];
    const title = options.model.classes[i]?.title ?? cls.id;
    byClass[cls.id] = { title, group: cls.group, share: n / people, people: n, ...shares(t, n) };
    const g = groups.get(cls.group) ?? { emergency: 0, urgent: 0, consult: 0, 'self-care': 0 };
    for (const u of Object.keys(t) as Urgency[]) g[u] += t[u];
    groups.set(cls.group, g);
  });
  const byGroup = {} as PopulationFigures['byGroup'];
  for (const group of ['harmless', 'mimic', 'serious'] as const) {
    const t = groups.get(group) ?? { emergency: 0, urgent: 0, consult: 0, 'self-care': 0 };
    const n = t.emergency + t.urgent + t.consult + t['self-care'];
    byGroup[group] = { people: n, ...shares(t, n) };
  }
  const topRules = {} as PopulationFigures['topRules'];
  for (const level of RANKED) {
    topRules[level] = [...counts.rules[level]]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP)
      .map(([id, n]) => ({ id, share: n / people }));
  }
  const serious = byGroup.serious;
  const recognised = serious.people - counts.missedAfterSelfCheckPeople;
  return {
    model: { id: options.model.meta.id, version: options.model.meta.version, title: options.model.meta.title },
    rules: { id: options.rules.meta.id, version: options.rules.meta.version },
    people,
    seed,
    central: shares(counts.overall, people),
    byClass,
    byGroup,
    topRules,
    serious: {
      people: serious.people,
      urgentOrEmergency: serious.emergency + serious.urgent,
      urgentOrEmergencyByRules: recognised > 0 ? ((serious.emergency + serious.urgent) * serious.people) / recognised : 1,
      missed: counts.missed,
      missedAfterSelfCheck: {
        people: counts.missedAfterSelfCheckPeople,
        share: serious.people > 0 ? counts.missedAfterSelfCheckPeople / serious.people : 0,
        examples: counts.missedAfterSelfCheck,
      },
    },
    misreadings: { people: counts.misread / people, raisedTo: shares(counts.raisedTo, people) },
    emergencyOwnService: counts.ownService / people,
  };
}
