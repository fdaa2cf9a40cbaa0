// `npm run rules:diff -- <old.yaml> <new.yaml>`: what changed between two versions of a rules file, in words.
import { diffRules } from '../lint/diff.ts';
import { readRulesFile } from './read-rules.ts';

const [oldPath, newPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!oldPath || !newPath) {
  console.error('Usage: npm run rules:diff -- <old rules file> <new rules file>');
  process.exitCode = 2;
} else {
  const before = readRulesFile(oldPath);
  const after = readRulesFile(newPath);
  if (!before.ok || !after.ok) {
    for (const r of [before, after]) if (!r.ok) console.error(r.message);
    process.exitCode = 1;
  } else {
    const changes = diffRules(before.rules, after.rules);
    console.log(`${before.file} -> ${after.file}: ${changes.length === 0 ? 'no differences' : `${changes.length} change${changes.length === 1 ? '' : 's'}`}`);
    for (const line of changes) console.log(`  - ${line}`);
  }
}
