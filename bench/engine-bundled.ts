// Runs the engine figures on a production build of the engine (see engine-entry.ts for why).
import { runBundled } from './bundled.ts';
import type { EngineFigures } from './engine.ts';

export function benchEngineBundled(root: string, rulesFile: string): Promise<EngineFigures> {
  return runBundled<EngineFigures>(root, 'bench/engine-entry.ts', [rulesFile]);
}
