// Every file under a folder, as paths relative to it with forward slashes (as URLs and integrity.json name them).
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path).split(sep).join('/')];
  });
}
