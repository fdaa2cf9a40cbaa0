// The follow-up the person accepted ("Check again in N days"), kept on the device only: localStorage, per origin, so
// a widget embedded in a clinic's page keeps its own store there. It holds the date, the urgency, the causes shown, the
// answers the rules' `followUp.keep` names and the rules' id, version and content hash: nothing that identifies the
// person, no other answer. With `share-answers` only, also the random id of the result's shared FHIR response, so the
// follow-up's response can refer to it (a random id says nothing about the person; without sharing nothing could use
// it, so it is not kept). Guarded like saved progress: anything old, from other rules or damaged is ignored.
import { answerProblem, findQuestion, type AnswerValue } from '../engine/answers.ts';
import { DAY_MS, type PreviousCheck } from '../engine/follow-up.ts';
import { isRandomId } from '../fhir/response-id.ts';
import type { Rules, Urgency } from '../rules/schema.ts';
import { readText, removeKey, writeJson, type StorageLike } from './storage-access.ts';

export const FOLLOW_UP_VERSION = 1;
/** Everything kept for a follow-up goes after this long, whether or not it was used. */
export const FOLLOW_UP_MAX_AGE_MS = 30 * DAY_MS;

export interface SavedFollowUp extends PreviousCheck {
  v: typeof FOLLOW_UP_VERSION;
  rulesHash: string;
  /** When the follow-up is due (the date plus the rules' `afterDays` for its urgency). */
  dueAt: number;
  /** The earlier result's shared response id: only when the clinic received its answers (`share-answers`). */
  responseId?: string;
}

export type FollowUpCheck =
  | { kind: 'none' }
  | { kind: 'waiting'; followUp: SavedFollowUp }
  | { kind: 'due'; followUp: SavedFollowUp }
  | { kind: 'discarded' };

export function followUpKey(rulesId: string): string {
  return `backcheck:followup:${rulesId}`;
}

/** Keeps the follow-up; false when storage is missing, blocked or full (the offer then says it could not be kept). */
export function saveFollowUp(storage: StorageLike | null, followUp: SavedFollowUp): boolean {
  return writeJson(storage, followUpKey(followUp.rulesId), followUp);
}

/** "Forget this": removes it at once. */
export function forgetFollowUp(storage: StorageLike | null, rulesId: string): boolean {
  return removeKey(storage, followUpKey(rulesId));
}

/** The follow-up kept for these rules, if it is still usable. Only reads: the caller removes a discarded one. */
export function readFollowUp(storage: StorageLike | null, rules: Rules, rulesHash: string, now: number = Date.now()): FollowUpCheck {
  if (!storage || !rules.followUp) return { kind: 'none' };
  const text = readText(storage, followUpKey(rules.meta.id));
  if (text === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'discarded' };
  }
  const saved = savedFollowUpIn(data, rules);
  // Other rules (the hash) may ask or compare differently: a comparison across them would not mean what it says.
  if (!saved || saved.rulesId !== rules.meta.id || saved.rulesHash !== rulesHash) return { kind: 'discarded' };
  // A date from the future means a wrong clock or tampering; neither can be trusted.
  if (saved.date > now || now - saved.date > FOLLOW_UP_MAX_AGE_MS) return { kind: 'discarded' };
  return { kind: now >= saved.dueAt ? 'due' : 'waiting', followUp: saved };
}

const URGENCIES: readonly Urgency[] = ['emergency', 'urgent', 'consult', 'self-care'];

/** The saved object if it has the saved shape and fits the rules (only kept answers, each valid), else null. */
function savedFollowUpIn(data: unknown, rules: Rules): SavedFollowUp | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { v, date, dueAt, urgency, causes, answers, rulesId, rulesVersion, rulesHash, responseId } = data as Record<string, unknown>;
  if (v !== FOLLOW_UP_VERSION || !isTime(date) || !isTime(dueAt) || dueAt < date) return null;
  if (typeof urgency !== 'string' || !URGENCIES.includes(urgency as Urgency)) return null;
  if (!Array.isArray(causes) || !causes.every((c) => typeof c === 'string')) return null;
  if (typeof rulesId !== 'string' || typeof rulesVersion !== 'string' || typeof rulesHash !== 'string') return null;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return null;
  if (responseId !== undefined && !isRandomId(responseId)) return null;
  const keep = new Set(rules.followUp?.keep ?? []);
  const kept: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(answers as Record<string, unknown>)) {
    const question = findQuestion(rules, id);
    if (!keep.has(id) || !question || answerProblem(question, value) !== null) return null;
    kept[id] = value as AnswerValue;
  }
  return {
    v,
    date,
    dueAt,
    urgency: urgency as Urgency,
    causes: causes as string[],
    answers: kept,
    rulesId,
    rulesVersion,
    rulesHash,
    ...(responseId === undefined ? {} : { responseId }),
  };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * What accepting keeps: only the answers the rules name, from the answers that counted for the result, and its shared
 * response's id when there is one (only with `share-answers`).
 */
export function followUpToKeep(
  rules: Rules,
  rulesHash: string,
  result: { urgency: Urgency; causes: readonly string[]; responseId?: string | undefined },
  answers: Readonly<Record<string, AnswerValue>>,
  afterDays: number,
  now: number = Date.now(),
  /**
   * A follow-up offered after a follow-up keeps the first check as its baseline (its date and kept answers): the
   * rules' "a week after the first check" and "worse than at the first check" must see the whole course, not two days
   * at a time, or a pain that never changes would never reach a week. It still expires 30 days after that first check.
   */
  baseline?: Pick<PreviousCheck, 'date' | 'answers'>,
): SavedFollowUp {
  const kept: Record<string, AnswerValue> = {};
  for (const id of rules.followUp?.keep ?? []) {
    const value = baseline ? baseline.answers[id] : answers[id];
    if (value !== undefined) kept[id] = value;
  }
  return {
    v: FOLLOW_UP_VERSION,
    date: baseline?.date ?? now,
    dueAt: now + afterDays * DAY_MS,
    urgency: result.urgency,
    causes: [...result.causes],
    answers: kept,
    rulesId: rules.meta.id,
    rulesVersion: rules.meta.version,
    rulesHash,
    ...(result.responseId ? { responseId: result.responseId } : {}),
  };
}
