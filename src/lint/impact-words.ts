// The impact report in words and numbers, as plain text (the terminal) or Markdown (the README, an issue, a
// review note). Whatever lowers an urgency comes first and is marked.
import type { Urgency } from '../rules/schema.ts';
import type { ChangeKind, ImpactExample, ImpactReport, OutcomeSummary } from './impact.ts';

export const LOWERS_MARK = '⚠ LOWERS URGENCY';

export interface ImpactWordsOptions {
  markdown?: boolean;
  /** Kinds of change listed beyond those that lower an urgency (all lowering ones are always listed). */
  kinds?: number;
  /** Warning signs listed in the table. */
  signs?: number;
}

const number = (n: number) => n.toLocaleString('en-US');

export function share(n: number, total: number): string {
  if (total === 0) return '0%';
  const p = (100 * n) / total;
  return `${p === 0 || p >= 0.1 ? p.toFixed(1) : p >= 0.01 ? p.toFixed(2) : p.toFixed(3)}%`;
}

/** An outcome in words: the urgency, what fired, and the likely causes when they were weighed. */
export function outcomeWords(o: OutcomeSummary): string {
  const parts = [o.signs.length > 0 ? o.signs.join(', ') : 'no warning sign'];
  if (o.causesWeighed) parts.push(o.likely.length > 0 ? `likely: ${o.likely.join(', ')}` : 'no likely cause');
  return `${o.urgency} (${parts.join('; ')})`;
}

/** An example's answers in words; `code` marks up question ids (Markdown backticks, or nothing). */
export function exampleWords(e: ImpactExample, code: (s: string) => string = (id) => id): string {
  if (e.answers.length === 0) return 'the most common answer to every question';
  return `${e.answers.map((a) => `${code(a.questionId)} = "${a.text}"`).join(', ')} (every other answer: the most common one)`;
}

/** How often a kind of change happens, and whether the search of the rules found it too. */
export function countWords(kind: ChangeKind, total: number): string {
  const drawn = `${number(kind.count)} of ${number(total)} answer sets (${share(kind.count, total)})`;
  if (kind.count === 0 && kind.searched) return `none of the ${number(total)} generated answer sets, but found by searching the rules: too rare to be drawn, still real`;
  return kind.searched ? `${drawn}; also found by searching the rules` : drawn;
}

export function formatImpact(report: ImpactReport, options: ImpactWordsOptions = {}): string {
  const md = options.markdown ?? false;
  const code = (s: string) => (md ? `\`${s}\`` : s);
  const heading = (level: number, s: string) => (md ? `${'#'.repeat(level)} ${s}` : `${s}\n${'='.repeat(s.length)}`);
  const total = report.population.sets;
  const out: string[] = [];
  const blank = () => out.push('');

  out.push(
    heading(3, `Impact of ${report.before.id} ${report.before.version} -> ${report.after.id} ${report.after.version}`),
  );
  blank();
  out.push(
    `Both versions were run on ${number(total)} generated answer sets (seed ${report.population.seed}; most people have no warning sign, "not sure" is less common) and on ${report.scenarios.length} clinicians' scenarios, and the rules were searched for rarer answer sets whose urgency could change.`,
  );

  // 1. Lowered urgency, first and marked.
  const lowering = report.changes.filter((c) => c.lowersUrgency);
  blank();
  if (lowering.length === 0) {
    out.push(`${md ? '**' : ''}No answer set gets a lower urgency${md ? '**' : ''}: not in the population, not in the scenarios, and the search of the rules found none.`);
  } else {
    out.push(
      `${md ? '**' : ''}${LOWERS_MARK}${md ? '**' : ''} for ${number(report.urgency.lowered)} of ${number(total)} answer sets (${share(report.urgency.lowered, total)}). A clinician must confirm each of these is intended:`,
    );
    blank();
    for (const kind of lowering) out.push(...kindLines(kind, total, md, code));
  }

  // 2. The from x to table.
  blank();
  out.push(heading(4, 'Urgency before (rows) and after (columns)'));
  blank();
  out.push(...urgencyTable(report, md));
  blank();
  out.push(
    `Raised for ${number(report.urgency.raised)} (${share(report.urgency.raised, total)}), lowered for ${number(report.urgency.lowered)} (${share(report.urgency.lowered, total)}), unchanged for ${number(total - report.urgency.raised - report.urgency.lowered)}.`,
  );

  // 3. Other kinds of change, with examples.
  const others = report.changes.filter((c) => !c.lowersUrgency);
  const limit = options.kinds ?? 8;
  if (others.length > 0) {
    blank();
    out.push(heading(4, 'Other changes, commonest first (raised urgency, then warning signs, then causes)'));
    blank();
    for (const kind of others.slice(0, limit)) out.push(...kindLines(kind, total, md, code));
    if (others.length > limit) out.push(`${md ? '- ' : '  '}... and ${others.length - limit} more kinds of change (see the tables below).`);
  }

  // 4. Warning signs that fire more or less.
  if (report.signs.length > 0) {
    blank();
    out.push(heading(4, 'Warning signs that fire more or less'));
    blank();
    const rows = report.signs.slice(0, options.signs ?? 12).map((s) => [
      code(s.id),
      s.kindBefore === s.kindAfter ? (s.kindAfter ?? '') : `${s.kindBefore ?? 'absent'} -> ${s.kindAfter ?? 'removed'}`,
      `${number(s.before)} -> ${number(s.after)}`,
      `+${number(s.gained)} / -${number(s.lost)}`,
    ]);
    out.push(...table(['rule', 'kind', 'answer sets where it fires', 'gained / lost'], rows, md));
    if (report.signs.length > rows.length) out.push(`${md ? '' : '  '}... and ${report.signs.length - rows.length} more.`);
  }

  // 5. Causes.
  blank();
  out.push(heading(4, 'Causes'));
  blank();
  if (report.causes.changed === 0) out.push('The likely and possible causes are the same for every answer set where both versions weigh them.');
  else {
    out.push(`The causes shown change for ${number(report.causes.changed)} answer sets (${share(report.causes.changed, total)}), among those where both versions weigh them.`);
    blank();
    out.push(
      ...table(
        ['cause', 'likely', 'possible'],
        report.causes.byCause.map((c) => [code(c.id), `${number(c.likelyBefore)} -> ${number(c.likelyAfter)}`, `${number(c.possibleBefore)} -> ${number(c.possibleAfter)}`]),
        md,
      ),
    );
  }

  // 6. Scenarios.
  blank();
  out.push(heading(4, 'Scenarios'));
  blank();
  const changed = report.scenarios.filter((s) => s.changed);
  if (report.scenarios.length === 0) out.push('No scenarios were given.');
  else if (changed.length === 0) out.push(`All ${report.scenarios.length} scenarios have the same outcome with both versions.`);
  else {
    out.push(`${changed.length} of ${report.scenarios.length} scenarios have a different outcome:`);
    blank();
    for (const s of changed) {
      const lowered = urgencyOrder(s.after.urgency) > urgencyOrder(s.before.urgency);
      const failing = s.failuresAfter.length > 0 && s.failuresBefore.length === 0 ? `; its expectation now fails: ${s.failuresAfter.join('; ')}` : '';
      out.push(
        `${md ? '- ' : '  - '}${lowered ? `${LOWERS_MARK}: ` : ''}"${s.name}" (${s.source}): ${outcomeWords(s.before)} -> ${outcomeWords(s.after)}${failing}${s.filled.length > 0 ? ` (given the most common answer: ${s.filled.map(code).join(', ')})` : ''}`,
      );
    }
  }

  // 7. Questions that exist in one version only.
  const q = report.questions;
  blank();
  out.push(heading(4, 'Questions'));
  blank();
  out.push(`${q.shared} questions are in both versions; answer sets are compared on those, by id.`);
  for (const a of q.added) out.push(`${md ? '- ' : '  - '}${code(a.id)} is new: every answer set answers it "${a.answer}", its most common answer, so only rules that fire on that answer are exercised.`);
  for (const id of q.removed) out.push(`${md ? '- ' : '  - '}${code(id)} is removed: its answers no longer count.`);
  for (const r of q.remapped) out.push(`${md ? '- ' : '  - '}${code(r.id)} changed its options or range: an old answer that no longer fits becomes "${r.answer}".`);
  return out.join('\n');
}

function urgencyOrder(u: Urgency): number {
  return ['emergency', 'urgent', 'consult', 'self-care'].indexOf(u);
}

function kindLines(kind: ChangeKind, total: number, md: boolean, code: (s: string) => string): string[] {
  const mark = kind.lowersUrgency ? `${LOWERS_MARK}: ` : '';
  const lines = [`${md ? '- ' : '  '}${md && kind.lowersUrgency ? `**${mark}${kind.title}**` : `${mark}${kind.title}`}: ${countWords(kind, total)}`];
  kind.examples.forEach((e, i) => {
    const lead = md ? '  - ' : '      ';
    lines.push(`${lead}${i === 0 ? 'e.g.' : 'or'} ${exampleWords(e, code)}: ${outcomeWords(e.before)} -> ${outcomeWords(e.after)}`);
  });
  return lines;
}

function urgencyTable(report: ImpactReport, md: boolean): string[] {
  const { levels, table: cells } = report.urgency;
  const total = report.population.sets;
  const rows = levels.map((from, i) => {
    const row = cells[i] ?? [];
    const sum = row.reduce((a, b) => a + b, 0);
    return [
      md ? `**${from}**` : from,
      ...row.map((n, j) => (n === 0 ? '0' : i === j ? number(n) : md ? `**${number(n)}**` : `${number(n)}${j > i ? ' (lower)' : ' (higher)'}`)),
      `${number(sum)} (${share(sum, total)})`,
    ];
  });
  const after = levels.map((_, j) => cells.reduce((a, row) => a + (row[j] ?? 0), 0));
  rows.push([md ? '**total after**' : 'total after', ...after.map((n) => `${number(n)} (${share(n, total)})`), number(total)]);
  return table(['before \\ after', ...levels, 'total before'], rows, md);
}

function table(headers: string[], rows: string[][], md: boolean): string[] {
  if (md) {
    return [`| ${headers.join(' | ')} |`, `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
