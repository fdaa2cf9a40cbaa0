// Child-process entry for the engine figures: bench/engine-bundled.ts builds this file with Vite (as the app's
// code is built) and runs the output with plain Node, so the figures are for shipped code, not for tsx's
// on-the-fly transform (which wraps every function to keep its name and ran the engine about half as fast).
import { readFileSync } from 'node:fs';
import { useWordsKeys } from '../src/engine/evaluate.ts';
import { wordsKeyOf } from '../src/engine/words-keys.ts';
import { loadRulesOrThrow } from '../src/rules/load.ts';
import { benchEngine } from './engine.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: engine-entry <rules.yaml>');
const rules = loadRulesOrThrow(readFileSync(file, 'utf8'), file);
// Many people through one rules object: the packed memo keys, as the reference population uses them.
useWordsKeys(wordsKeyOf);
process.stdout.write(JSON.stringify(benchEngine(rules)));
