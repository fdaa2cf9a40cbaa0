// Saving and resuming a half-finished check in the browser's storage. Storage can be missing, blocked (privacy
// modes, sandboxed iframes) or full, and saved data can be old, from other rules, or damaged: every call is guarded
// and anything doubtful is thrown away, so a bad save can never crash the check or resume the wrong questions.
import type { AnswerValue, Answers } from '../engine/answers.ts';
import { answerProblem, findQuestion } from '../engine/answers.ts';
import { findStep, type Choices } from '../engine/navigation.ts';
import { layoutOf } from '../engine/screens.ts';
import { pruneAnswers } from '../engine/visibility.ts';
import type { Rules } from '../rules/schema.ts';
import { readText, removeKey, writeJson, type StorageLike } from './storage-access.ts';

export type { StorageLike };

/** 2: steps of screens (grouped checks, several questions per screen) instead of one question per screen. */
export const PROGRESS_VERSION = 2;
/** Pain and answers change; a day-old answer set says little about today, so it is not offered back. */
export const PROGRESS_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * A reload (or a phone bringing the tab back) carries on without asking only within this time; later, the person is
 * asked whether to continue from when they left off or start again, rather than dropped back mid-check.
 */
export const RESUME_WITHOUT_ASKING_MS = 60 * 60 * 1000;

export interface SavedProgress {
  v: typeof PROGRESS_VERSION;
  rulesId: string;
  rulesHash: string;
  savedAt: number;
  answers: Record<string, AnswerValue>;
  choices: Choices;
  current: string | null;
  history: string[];
  /** Saved on the result screen: a reload shows the result again. */
  atResult?: boolean;
}

export type ResumeCheck =
  | { kind: 'none' }
  | { kind: 'found'; progress: SavedProgress }
  | { kind: 'discarded'; reason: 'other-rules' | 'expired' | 'corrupted' };

export function progressKey(rulesId: string): string {
  return `backcheck:progress:${rulesId}`;
}

/** localStorage, or null where merely touching it throws (blocked cookies, some sandboxed iframes). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function saveProgress(
  storage: StorageLike | null,
  rules: Rules,
  rulesHash: string,
  state: { answers: Answers; choices: Choices; current: string | null; history: readonly string[]; atResult?: boolean },
  now: number = Date.now(),
): boolean {
  if (!storage) return false;
  const progress: SavedProgress = {
    v: PROGRESS_VERSION,
    rulesId: rules.meta.id,
    rulesHash,
    savedAt: now,
    answers: { ...state.answers },
    choices: { ...state.choices },
    current: state.current,
    history: [...state.history],
    ...(state.atResult ? { atResult: true } : {}),
  };
  // Full or blocked storage: the check still works, it just cannot be resumed.
  return writeJson(storage, progressKey(rules.meta.id), progress);
}

export function clearProgress(storage: StorageLike | null, rulesId: string): boolean {
  return removeKey(storage, progressKey(rulesId));
}

/**
 * What is saved for these rules, if anything usable. Only reads (so a render may call it twice): the caller
 * removes a save reported as `discarded`, with `clearProgress`.
 */
export function readProgress(
  storage: StorageLike | null,
  rules: Rules,
  rulesHash: string,
  now: number = Date.now(),
): ResumeCheck {
  const text = readText(storage, progressKey(rules.meta.id));
  if (text === null) return { kind: 'none' };

  const discard = (reason: 'other-rules' | 'expired' | 'corrupted'): ResumeCheck => ({ kind: 'discarded', reason });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return discard('corrupted');
  }
  const progress = savedProgressIn(data);
  if (!progress) {
    // An old format version is "other rules", not damage: say so in the calmer words.
    const version = typeof data === 'object' && data !== null ? (data as { v?: unknown }).v : undefined;
    return discard(typeof version === 'number' && version !== PROGRESS_VERSION ? 'other-rules' : 'corrupted');
  }
  if (progress.rulesId !== rules.meta.id || progress.rulesHash !== rulesHash) return discard('other-rules');
  // A save from the future means a wrong clock or tampering; neither can be trusted to be fresh.
  if (progress.savedAt > now || now - progress.savedAt > PROGRESS_MAX_AGE_MS) return discard('expired');
  if (!fitsRules(rules, progress)) return discard('corrupted');
  return { kind: 'found', progress };
}

/**
 * The saved object if it has the saved shape (other keys are dropped), else null. Checked by hand: a schema library
 * for this one object was 13 kB gzip of the check's download (zod/mini's core).
 */
function savedProgressIn(data: unknown): SavedProgress | null {
  if (!isRecord(data) || data.v !== PROGRESS_VERSION) return null;
  const { rulesId, rulesHash, savedAt, answers, choices, current, history, atResult } = data;
  if (typeof rulesId !== 'string' || typeof rulesHash !== 'string' || typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return null;
  if (!isRecordOf(answers, isAnswerValue) || !isRecordOf(choices, isGroupChoice)) return null;
  if (current !== null && typeof current !== 'string') return null;
  if (!Array.isArray(history) || !history.every((key) => typeof key === 'string')) return null;
  if (atResult !== undefined && typeof atResult !== 'boolean') return null;
  return { v: PROGRESS_VERSION, rulesId, rulesHash, savedAt, answers, choices, current, history, ...(atResult === undefined ? {} : { atResult }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRecordOf<T>(value: unknown, isItem: (item: unknown) => item is T): value is Record<string, T> {
  return isRecord(value) && Object.values(value).every(isItem);
}

function isGroupChoice(value: unknown): value is Choices[string] {
  return value === 'yes' || value === 'no' || value === 'not_sure';
}

function isAnswerValue(value: unknown): value is AnswerValue {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Every answer is valid for its question, and the saved position points at a step on the path. */
function fitsRules(rules: Rules, progress: SavedProgress): boolean {
  const answers: Record<string, AnswerValue> = progress.answers;
  for (const [id, value] of Object.entries(answers)) {
    const question = findQuestion(rules, id);
    if (!question || answerProblem(question, value) !== null) return false;
  }
  // Answers to questions hidden by other answers cannot come from this app.
  if (Object.keys(pruneAnswers(rules, answers)).length !== Object.keys(answers).length) return false;
  const layout = layoutOf(rules);
  if (Object.keys(progress.choices).some((id) => layout.screenById.get(id)?.kind !== 'group')) return false;
  if (progress.current !== null && !findStep(rules, answers, progress.choices, progress.current)) return false;
  // History is not pruned by the machine when an answer changes, so it only has to name real screens.
  return progress.history.every((key) => layout.screenById.has(key.split('/')[0] ?? ''));
}
