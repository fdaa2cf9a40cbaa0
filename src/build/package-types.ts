// Build time, `npm run build:package`: the npm package's one declaration file, dist/package/index.d.ts. TypeScript
// writes declarations for the package's entry (tsconfig.package.json); the public ones, the element and the event
// types, are self-contained by design, so they are joined into one file that needs nothing but FHIR's types. A
// relative import left in them would need files the package does not ship: that fails the build, by name.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
/** The declarations the package exports, in src/embed/ (see src/embed/package.ts). */
const PUBLIC_DECLARATIONS = ['element.d.ts', 'event-types.d.ts'];

export function joinDeclarations(files: { name: string; text: string }[]): string {
  const imports = new Set<string>();
  const bodies = files.map(({ name, text }) => {
    const lines = text.split('\n');
    for (const line of lines) {
      if (/^\s*(import|export)\b.*\bfrom\s+['"]\./.test(line) || /^\s*import\s+['"]\./.test(line)) {
        throw new Error(`${name}: "${line.trim()}" needs a file the package does not ship; keep the public types self-contained`);
      }
      if (/^\s*import\b/.test(line)) imports.add(line.trim());
    }
    return lines.filter((line) => !/^\s*import\b/.test(line)).join('\n').trim();
  });
  return [
    '// backcheck: <backcheck-widget> and the events it sends to your page. See docs/embedding.md.',
    ...imports,
    ...bodies,
    '',
  ].join('\n');
}

export function packageTypes(outDir: string): Plugin {
  return {
    name: 'backcheck-package-types',
    apply: 'build',
    closeBundle() {
      const types = join(ROOT, outDir, '.types');
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'tsconfig.package.json'), '--outDir', types], { stdio: 'inherit' });
      const files = PUBLIC_DECLARATIONS.map((name) => ({ name, text: readFileSync(join(types, 'embed', name), 'utf8') }));
      writeFileSync(join(ROOT, outDir, 'index.d.ts'), joinDeclarations(files));
      rmSync(types, { recursive: true, force: true });
    },
  };
}
