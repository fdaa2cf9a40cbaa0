// The check that loads after the intro in two chunks, `LoadedCheck` (its screens, the rules' structure) and `engine`
// (the engine and the machine, which the review page shares), instead of the six the bundler makes by itself (the
// review page, the answer sharing and the iframe page each share a different part of it); the element's build, with
// no review page, in one. Six requests, and six modulepreload links added one by one on a slow phone's main thread,
// cost the first question time; and a seventh, the words, waited for a free connection (a browser opens six per
// server over HTTP/1.1).
import type { Plugin } from 'vite';

/** The lazily loaded check's module (its dynamic import's target), the root of the check's chunks in both builds. */
export const LOADED_CHECK = /[\\/]src[\\/]ui[\\/]LoadedCheck\.tsx$/;

/**
 * `plugin` works out, once the module graph is known, which modules only the lazily loaded check brings: those
 * statically reachable from `root` (its dynamic import's target) that no page loads at once. Those the clinicians'
 * review page (`review`: its modules) loads too, the engine and the machine, go to a chunk of their own (`engine`),
 * so that the review never downloads the check's screens; the rest are `check`.
 */
export function checkChunks(root: RegExp, review?: RegExp): { plugin: Plugin; check: (id: string) => boolean; engine: (id: string) => boolean } {
  const check = new Set<string>();
  const engine = new Set<string>();
  const plugin: Plugin = {
    name: 'backcheck-check-chunks',
    apply: 'build',
    buildEnd() {
      check.clear();
      engine.clear();
      const ids = [...this.getModuleIds()];
      const closure = (starts: string[]) => {
        const seen = new Set<string>();
        const visit = (id: string) => {
          if (seen.has(id)) return;
          seen.add(id);
          for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
        };
        starts.forEach(visit);
        return seen;
      };
      const initial = closure(ids.filter((id) => this.getModuleInfo(id)?.isEntry));
      const reviewed = closure(review ? ids.filter((id) => review.test(id)) : []);
      for (const id of closure(ids.filter((id) => root.test(id)))) {
        if (!initial.has(id)) (reviewed.has(id) ? engine : check).add(id);
      }
    },
  };
  return { plugin, check: (id) => check.has(id), engine: (id) => engine.has(id) };
}
