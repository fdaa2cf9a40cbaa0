// The impact analysis's speed (rules:diff --impact): 100,000 answer sets on today's rules and on rules ten times
// larger, each against a deliberately changed copy (exampleChange), run from a production build.
import { runBundled } from './bundled.ts';
import type { ImpactFigures } from './impact-entry.ts';

export type { ImpactFigures };

export function benchImpact(root: string, rulesFile: string, sets = 100_000): Promise<ImpactFigures> {
  return runBundled<ImpactFigures>(root, 'bench/impact-entry.ts', [rulesFile, String(sets)]);
}
