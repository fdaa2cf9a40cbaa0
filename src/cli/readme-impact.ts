// `npm run readme:impact -- [old.yaml new.yaml]`: regenerates the impact example in README.md's clinicians'
// section with `rules:diff --impact --markdown`. The files used are recorded in the block's opening marker, so
// running it without arguments regenerates the same example (after a change to the analysis or its wording).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulesDiff } from './rules-diff.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const BLOCK = /<!-- impact-example: (\S+) (\S+) -->\n[\s\S]*?<!-- impact-example: end -->/;

const text = readFileSync(README, 'utf8');
const recorded = BLOCK.exec(text);
if (!recorded) {
  console.error('README.md has no impact example block (<!-- impact-example: OLD NEW --> ... <!-- impact-example: end -->)');
  process.exit(1);
}
const [oldFile, newFile] = process.argv.slice(2).length >= 2 ? process.argv.slice(2) : [recorded[1] ?? '', recorded[2] ?? ''];
const lines: string[] = [];
const code = rulesDiff([oldFile ?? '', newFile ?? '', '--impact', '--markdown'], (line) => lines.push(line), (line) => console.error(line));
if (code !== 0) process.exit(code);
const block = [
  `<!-- impact-example: ${oldFile} ${newFile} -->`,
  `\`npm run rules:diff -- ${oldFile} ${newFile} --impact --markdown\` (regenerate with \`npm run readme:impact\`):`,
  '',
  ...lines.join('\n').replace(/^### /gm, '#### ').replace(/^#### (?!Impact)/gm, '##### ').split('\n'),
  '<!-- impact-example: end -->',
].join('\n');
writeFileSync(README, text.replace(BLOCK, () => block));
console.log(`README.md: impact example of ${oldFile} -> ${newFile} regenerated.`);
