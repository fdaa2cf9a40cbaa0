// "Did you mean": the id a typo was probably meant to be, for messages about an unknown id (in a rules file, a
// scenario or an answer file). Kept with the rules, the lowest layer that names ids, so every layer above can say it.

/** ` (did you mean "x"?)` when an id is one small typo away from a real one, else nothing. */
export function didYouMean(id: string, candidates: Iterable<string>): string {
  let best: { id: string; distance: number } | null = null;
  for (const c of candidates) {
    const distance = editDistance(id, c);
    if (!best || distance < best.distance) best = { id: c, distance };
  }
  return best && best.distance <= 2 ? ` (did you mean "${best.id}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
