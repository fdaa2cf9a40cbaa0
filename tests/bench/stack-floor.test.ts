// The floor the bench sets beside issue #17's 90 kB target is only an argument if it is measured fairly: a
// production build of the required libraries (a development React would triple it) and the rules content the
// person downloads, the larger language only.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BuiltChunk } from '../../bench/build.ts';
import { stackFloor } from '../../bench/stack-floor.ts';
import { ROOT } from '../helpers.ts';

const gz = (text: string) => gzipSync(text, { level: 9 }).length;
const module = (id: string, code: string) => ({ id, renderedLength: code.length, code });

describe('the floor under the whole check on the required stack', () => {
  it('is a production build of React and xstate, plus the rules structure and the larger language pack', async () => {
    const shape = JSON.stringify({ questions: Array.from({ length: 40 }, (_, i) => ({ id: `q${i}`, options: ['yes', 'no'] })) });
    const en = 'export default ' + JSON.stringify(Array.from({ length: 300 }, (_, i) => `words ${i} in English`));
    const es = 'export default ' + JSON.stringify(Array.from({ length: 300 }, (_, i) => `palabras número ${i} en español`));
    const chunks: BuiltChunk[] = [
      { fileName: 'a.js', isEntry: false, facade: null, imports: [], dynamicImports: [], importedCss: [], modules: [module('/r.yaml?rules-shape', shape), module('/src/ui/App.tsx', 'x'.repeat(5000))] },
      { fileName: 'b.js', isEntry: false, facade: null, imports: [], dynamicImports: [], importedCss: [], modules: [module('/r.yaml?rules-text-en', en)] },
      { fileName: 'c.js', isEntry: false, facade: null, imports: [], dynamicImports: [], importedCss: [], modules: [module('/r.yaml?rules-text-es', es)] },
    ];
    const floor = await stackFloor(ROOT, chunks);
    expect(floor.rulesGzip).toBe(gz(shape) + Math.max(gz(en), gz(es)));
    // React DOM's production client alone is about 60 kB gzip, its development build well over 100 kB.
    expect(floor.stackGzip).toBeGreaterThan(50_000);
    expect(floor.stackGzip).toBeLessThan(100_000);
    expect(floor.gzip).toBe(floor.stackGzip + floor.rulesGzip);
  }, 60_000);
});
