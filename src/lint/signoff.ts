// Recording a sign-off in a rules file: the reviewer, the date and the content hash go into a `signoff:` block at the
// end of `meta:`. Only that block's lines are written (the rest of the file, with its comments and layout, is left
// byte for byte as it was), and the result is loaded again to prove the sign-off now matches the content.
import { isMap, isNode, isScalar, parseDocument, type Pair } from 'yaml';
import { shortHash } from '../rules/content-hash.ts';
import { checkRulesText, reportLines } from './check-file.ts';

export interface SignoffRequest {
  /** Name and role of the clinician, e.g. "Dr Ana Ruiz, sports medicine physician". */
  by: string;
  /** YYYY-MM-DD. */
  on: string;
}

export type SignoffOutcome =
  | { ok: true; text: string; contentHash: string; renewed: { by: string; on: string } | null }
  | { ok: false; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today as YYYY-MM-DD in the local time zone (the date the clinician sees on their calendar). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The file's text with a sign-off for its current content, or why it cannot be signed off. */
export function signRulesText(text: string, file: string, request: SignoffRequest): SignoffOutcome {
  const by = request.by.trim();
  if (by.length === 0) return { ok: false, message: 'Say who signs off: --by "Name, role"' };
  if (!DATE.test(request.on) || Number.isNaN(Date.parse(request.on))) {
    return { ok: false, message: `"${request.on}" is not a date: use YYYY-MM-DD` };
  }

  // Content with errors is never signed off, nor with a note-to-self ("TODO") left in it; a stale sign-off is what
  // this command renews, so it does not count.
  const check = checkRulesText(text, file);
  const errors = reportLines(check).filter((l) => (l.severity === 'error' && l.check !== 'sign-off') || (l.severity === 'warning' && l.check === 'text'));
  if (errors.length > 0 || !check.signoff) {
    return {
      ok: false,
      message: [`${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them before signing off:`, ...errors.map((l) => `  ${l.text}`)].join('\n'),
    };
  }
  const previous = check.signoff.state === 'unsigned' ? null : { by: check.signoff.by, on: check.signoff.on };

  const doc = parseDocument(text);
  const meta = doc.get('meta', true);
  if (!isMap(meta) || meta.flow) return { ok: false, message: `${file}: "meta:" must be written as a block (one field per line) to add a sign-off` };
  const pairs = meta.items as Pair[];
  const first = pairs[0];
  const existing = pairs.find((p) => isScalar(p.key) && p.key.value === 'signoff');
  const last = pairs.at(-1);
  if (!first || !isNode(first.key) || !first.key.range || !last) return { ok: false, message: `${file}: "meta:" is empty` };
  const keyStart = first.key.range[0];
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const pad = ' '.repeat(indent);
  const block = [
    `${pad}signoff:`,
    `${pad}  by: ${JSON.stringify(by)}`,
    `${pad}  on: ${JSON.stringify(request.on)}`,
    `${pad}  contentHash: ${JSON.stringify(check.signoff.contentHash)}`,
  ].join('\n');

  let next: string;
  const span = existing ? pairSpan(text, existing) : null;
  if (span) {
    next = `${text.slice(0, span.start)}${block}\n${text.slice(span.end)}`;
  } else {
    const end = pairSpan(text, last)?.end;
    if (end === undefined) return { ok: false, message: `${file}: cannot find the end of "meta:"` };
    const before = text.slice(0, end);
    next = `${before}${before.endsWith('\n') ? '' : '\n'}${block}\n${text.slice(end)}`;
  }

  // Prove it: the written file loads, and its sign-off is this one and matches the content.
  const after = checkRulesText(next, file);
  if (after.signoff?.state !== 'signed' || after.signoff.by !== by || after.signoff.on !== request.on) {
    return { ok: false, message: `${file}: the sign-off could not be written safely; the file was not changed` };
  }
  if (after.signoff.contentHash !== check.signoff.contentHash) {
    return { ok: false, message: `${file}: writing the sign-off changed the content (${shortHash(check.signoff.contentHash)} -> ${shortHash(after.signoff.contentHash)}); the file was not changed` };
  }
  return { ok: true, text: next, contentHash: after.signoff.contentHash, renewed: previous };
}

/** From the start of the pair's key line to the end of its value (after its last line's newline). */
function pairSpan(text: string, pair: Pair): { start: number; end: number } | null {
  if (!isNode(pair.key) || !pair.key.range || !isNode(pair.value) || !pair.value.range) return null;
  const keyStart = pair.key.range[0];
  return { start: text.lastIndexOf('\n', keyStart - 1) + 1, end: pair.value.range[2] };
}
