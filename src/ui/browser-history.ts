// The phone's back gesture and the browser's Back and Forward buttons move between the check's steps, not out of
// the page. Each step the person moves forward to is a history entry; popping an entry sends "back" (or
// "forward") to the machine, so the machine stays the single source of navigation truth. A reload lands on the
// same entry, and CheckApp resumes the saved step without asking. Off by default: an embedded widget must leave
// its clinic page's history alone unless the clinic opts in.

/** What we keep in `history.state`, beside anything the host page keeps there. */
export interface HistoryMark {
  /** The check's instance, so two checks on one page (or a stale entry) never drive each other. */
  check: string;
  /** How many steps forward of the check's first entry this entry is. */
  depth: number;
}

const KEY = 'backcheck';

export function markOf(state: unknown, check: string): HistoryMark | null {
  if (typeof state !== 'object' || state === null) return null;
  const mark = (state as Record<string, unknown>)[KEY];
  if (typeof mark !== 'object' || mark === null) return null;
  const { check: id, depth } = mark as Partial<HistoryMark>;
  return id === check && typeof depth === 'number' && Number.isInteger(depth) && depth >= 0 ? { check: id, depth } : null;
}

function withMark(state: unknown, mark: HistoryMark): Record<string, unknown> {
  const base = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
  return { ...base, [KEY]: mark };
}

export interface HistorySync {
  /** The person moved forward one step in the check: add an entry. */
  pushed(): void;
  /** The in-app Back button: go back through the browser when there is an entry to go back to. */
  back(fallback: () => void): void;
  /** Go to the entry the check started on (after Back past the intro). */
  rewind(): void;
  stop(): void;
}

/**
 * Keeps `window.history` in step with the check. `onPop(steps)` is told how far the person moved (negative: back)
 * and does the moving through the machine.
 */
export function syncHistory(check: string, onPop: (steps: number) => void): HistorySync {
  const start = markOf(window.history.state, check);
  let depth = start?.depth ?? 0;
  // A first visit marks the entry the check started on; a reload keeps the mark it had.
  if (!start) window.history.replaceState(withMark(window.history.state, { check, depth }), '');
  const listener = (event: PopStateEvent) => {
    const mark = markOf(event.state, check);
    if (!mark) return;
    const moved = mark.depth - depth;
    depth = mark.depth;
    if (moved !== 0) onPop(moved);
  };
  window.addEventListener('popstate', listener);
  // The check shows each step from its top itself (useHeadingFocus). Left to the browser, Back restored the scroll
  // of the longer step it came from, after the check had scrolled: the focused heading sat 810 px above the screen.
  const restoration = window.history.scrollRestoration;
  window.history.scrollRestoration = 'manual';
  return {
    pushed() {
      depth += 1;
      window.history.pushState(withMark(window.history.state, { check, depth }), '');
    },
    back(fallback) {
      if (depth > 0) window.history.back();
      else fallback();
    },
    rewind() {
      if (depth > 0) window.history.go(-depth);
    },
    stop() {
      window.removeEventListener('popstate', listener);
      window.history.scrollRestoration = restoration;
    },
  };
}

/** Whether this page load landed on an entry the check had marked (a reload, or returning to the tab's entry). */
export function landedOnMark(check: string): boolean {
  return typeof window !== 'undefined' && markOf(window.history.state, check) !== null;
}
