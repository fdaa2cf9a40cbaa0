// `npm run triage -- --answers <file.json> [--rules <file.yaml>] [--locale en|es]`
// The questionnaire without a browser: read an answers file, evaluate it with the same engine the app uses, print
// the result as JSON. This file only parses arguments and does I/O; every decision is made in src/engine.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { answerSetProblems, answerSetProgress } from '../engine/answer-set.ts';
import type { Answers } from '../engine/answers.ts';
import { evaluate, type Result } from '../engine/evaluate.ts';
import { LOCALES, type Locale } from '../rules/text.ts';
import { DEFAULT_RULES_FILE, readError, readRulesFile } from './read-rules.ts';

export const USAGE = `Usage: npm run triage -- --answers <file.json> [--rules <file.yaml>] [--locale en|es]

Evaluates one set of answers with the rules and prints the result as JSON.

  --answers <file>   JSON object from question id to answer: an option id, a list of
                     option ids (tick-all-that-apply questions) or a whole number (scales).
                     Leaving questions out is allowed; the output lists them under "pending".
  --rules <file>     rules file (default: rules/lower-back-after-workout.yaml)
  --locale <code>    language of the texts: ${LOCALES.join(' or ')} (default: en)
  -h, --help         show this help

Exit codes: 0 result printed, 2 bad input (the problems are printed on stderr).`;

export interface CliOutcome {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

/** Run the CLI on `argv` (the arguments after the script name). Never exits the process, so tests can call it. */
export function main(argv: string[], cwd: string = process.cwd()): CliOutcome {
  const fail = (message: string): CliOutcome => ({ code: EXIT_BAD_INPUT, stdout: '', stderr: `triage: ${message}\n` });

  let flags: { answers?: string; rules?: string; locale?: string; help?: boolean };
  try {
    flags = parseArgs({
      args: argv,
      options: {
        answers: { type: 'string' },
        rules: { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\nRun with --help for usage.`);
  }
  if (flags.help) return { code: EXIT_OK, stdout: `${USAGE}\n`, stderr: '' };
  if (flags.answers === undefined) return fail(`Missing --answers <file.json>\n\n${USAGE}`);

  const locale = flags.locale ?? 'en';
  if (!isLocale(locale)) return fail(`Unknown --locale "${locale}": use ${LOCALES.join(' or ')}`);

  // The answers file first: its own mistakes (a typo in JSON) are reported even while the rules are broken.
  const answersFile = resolve(cwd, flags.answers);
  const shown = relative(cwd, answersFile) || answersFile;
  const parsed = readAnswersFile(answersFile, shown);
  if (!parsed.ok) return fail(parsed.message);

  const loaded = readRulesFile(flags.rules ?? DEFAULT_RULES_FILE, cwd);
  if (!loaded.ok) return fail(loaded.message);
  const { rules } = loaded;

  const problems = answerSetProblems(rules, parsed.answers);
  if (problems.length > 0) {
    const count = problems.length;
    return fail(
      [`${shown} has ${count} problem${count === 1 ? '' : 's'}:`, ...problems.map((p) => `  ${p.message}`)].join('\n'),
    );
  }
  // Every answer is now known to be valid and applicable (checked just above).
  const answers = parsed.answers as Answers;

  // English is always present; a missing translation is not an error here (rules:check reports it), but say so.
  const stderr =
    locale !== 'en' && !rules.meta.locales.includes(locale)
      ? `triage: note: ${loaded.file} has no "${locale}" texts yet; showing English\n`
      : '';
  const output = triageOutput(evaluate(rules, answers, locale), answerSetProgress(rules, answers), locale);
  return { code: EXIT_OK, stdout: `${JSON.stringify(output, null, 2)}\n`, stderr };
}

/** The printed JSON: the outcome first, then the explanation, then how complete the answers were. */
function triageOutput(result: Result, progress: ReturnType<typeof answerSetProgress>, locale: Locale) {
  return {
    urgency: result.urgency,
    title: result.title,
    action: result.action,
    consult: result.consult,
    disclaimer: result.disclaimer,
    redFlags: result.redFlags,
    consultSigns: result.consultSigns,
    outOfScope: result.outOfScope,
    advice: result.advice,
    causes: result.causes.map((c) => ({
      id: c.id,
      likelihood: c.likelihood,
      score: c.score,
      title: c.title,
      summary: c.summary,
      because: c.because,
      advice: c.advice,
    })),
    complete: progress.complete,
    stoppedEarly: progress.stop,
    pending: progress.pending,
    rulesId: result.rulesId,
    rulesVersion: result.rulesVersion,
    locale,
    trace: result.trace,
  };
}

type ReadAnswers = { ok: true; answers: Record<string, unknown> } | { ok: false; message: string };

function readAnswersFile(path: string, shown: string): ReadAnswers {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read the answers file ${shown}: ${readError(error)}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = jsonErrorPosition(message, text);
    return {
      ok: false,
      message: `${shown}${where ? `:${where.line}:${where.column}` : ''}  is not valid JSON: ${message}`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: `${shown} must hold a JSON object from question id to answer, e.g. {"rf_saddle_numbness": "no", "pain_score": 3}`,
    };
  }
  return { ok: true, answers: value as Record<string, unknown> };
}

/** Line and column (1-based) of a JSON.parse error: Node 20 says "at position N", newer engines "(line L column C)". */
export function jsonErrorPosition(message: string, text: string): { line: number; column: number } | null {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  // "Unexpected end of JSON input" has no position: it is at the very end.
  const offset = position ? Number(position[1]) : /end of (JSON|data)/i.test(message) ? text.length : null;
  if (offset === null) return null;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

// Run only when started as a script (tsx src/cli/triage.ts), not when a test imports `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outcome = main(process.argv.slice(2));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}
