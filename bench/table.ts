// Plain-text tables for the terminal: the bench's output is read by people and pasted into issue notes.
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  // Numbers line up on the right, words on the left.
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d.,\s%x/+-]*(kB|ms|B|\/s|s)?$/.test(String(r[i] ?? ''))));
  const line = (r: string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(cells[0] as string[]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const ms = (value: number) => `${Math.round(value)} ms`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
