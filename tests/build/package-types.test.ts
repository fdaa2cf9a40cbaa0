// The npm package's single declaration file is made of self-contained declarations; anything that would need a file
// the package does not ship stops the build.
import { describe, expect, it } from 'vitest';
import { joinDeclarations } from '../../src/build/package-types.ts';

describe('joinDeclarations', () => {
  it('joins the declarations, keeping each package import once at the top', () => {
    const out = joinDeclarations([
      { name: 'a.d.ts', text: "import type { X } from 'fhir/r4';\nexport declare const a: X;\n" },
      { name: 'b.d.ts', text: "import type { X } from 'fhir/r4';\nexport type B = X;\n" },
    ]);
    expect(out.split('\n').filter((l) => l.startsWith('import'))).toEqual(["import type { X } from 'fhir/r4';"]);
    expect(out).toContain('export declare const a: X;');
    expect(out).toContain('export type B = X;');
  });

  it.each(["import type { Answers } from '../engine/answers.ts';", "export { x } from './element.tsx';", "import './backcheck.ts';"])(
    'refuses %s, naming the file',
    (line) => {
      expect(() => joinDeclarations([{ name: 'element.d.ts', text: `${line}\nexport declare const a: 1;` }])).toThrow(/^element\.d\.ts: ".*" needs a file the package does not ship/);
    },
  );
});
