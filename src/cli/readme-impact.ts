// `npm run readme:impact -- [old.yaml new.yaml [--map FILE] [--scenarios DIR]]`: regenerates the impact example in
// README.md's clinicians' section with `rules:diff --impact --markdown`. The files and options used are recorded in
// the block's opening marker, so running it without arguments regenerates the same example (after a change to the
// analysis or its wording). A long list of changes is folded away (<details>): the impact is what the example shows.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesDiff } from './rules-diff.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const BLOCK = /<!-- impact-example: ([^>]+?) -->\n[\s\S]*?<!-- impact-example: end -->/;
/** Changes listed in full up to this many; more are folded. */
const SHOWN_CHANGES = 12;

const text = readFileSync(README, 'utf8');
const recorded = BLOCK.exec(text);
if (!recorded) {
  console.error('README.md has no impact example block (<!-- impact-example: OLD NEW [options] --> ... <!-- impact-example: end -->)');
  process.exit(1);
}
const args = process.argv.slice(2).length >= 2 ? process.argv.slice(2) : (recorded[1] ?? '').trim().split(/\s+/);
const lines: string[] = [];
const code = await rulesDiff([...args, '--impact', '--markdown'], (line) => lines.push(line), (line) => console.error(line));
if (code !== 0) process.exit(code);
const report = lines.join('\n').replace(/^### /gm, '#### ').replace(/^#### (?!Impact)/gm, '##### ').split('\n');
// The change list: the lines after the heading line, up to the impact's heading.
const impactAt = report.findIndex((l) => l.startsWith('#### Impact'));
const changes = report.slice(1, impactAt).filter((l) => l.startsWith('- '));
const body =
  changes.length > SHOWN_CHANGES
    ? [`<details><summary>${report[0] ?? ''} (the list)</summary>`, '', ...changes, '', '</details>', '', ...report.slice(impactAt)]
    : report;
const block = [
  `<!-- impact-example: ${args.join(' ')} -->`,
  `\`npm run rules:diff -- ${args.join(' ')} --impact --markdown\` (regenerate with \`npm run readme:impact\`):`,
  '',
  ...body,
  '<!-- impact-example: end -->',
].join('\n');
writeFileSync(README, text.replace(BLOCK, () => block));
console.log(`README.md: impact example of ${args.join(' ')} regenerated.`);
