// useSyncExternalStoreWithSelector for @xstate/react's useSelector, as an ES module over the renderer's own
// useSyncExternalStore. The package it replaces (use-sync-external-store's shim) is CommonJS with a fallback for
// React 17; as CommonJS its require('react') escaped the renderer alias in Vitest and loaded a second renderer.
// Same algorithm as React's (MIT): the selection is recomputed only when the snapshot changes, and kept when
// `isEqual` says the new one is the same, so a component re-renders only when what it selected changed.
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

export function useSyncExternalStoreWithSelector<Snapshot, Selection>(
  subscribe: (onStoreChange: () => void) => () => void,
  getSnapshot: () => Snapshot,
  getServerSnapshot: undefined | null | (() => Snapshot),
  selector: (snapshot: Snapshot) => Selection,
  isEqual?: (a: Selection, b: Selection) => boolean,
): Selection {
  const last = useRef<{ hasValue: boolean; value: Selection | null }>({ hasValue: false, value: null });
  const [getSelection, getServerSelection] = useMemo(() => {
    let memoized: { snapshot: Snapshot; selection: Selection } | null = null;
    const select = (snapshot: Snapshot): Selection => {
      if (memoized === null) {
        const selection = selector(snapshot);
        const previous = last.current;
        if (isEqual !== undefined && previous.hasValue && isEqual(previous.value as Selection, selection)) {
          memoized = { snapshot, selection: previous.value as Selection };
        } else {
          memoized = { snapshot, selection };
        }
        return memoized.selection;
      }
      if (Object.is(memoized.snapshot, snapshot)) return memoized.selection;
      const selection = selector(snapshot);
      if (isEqual !== undefined && isEqual(memoized.selection, selection)) {
        memoized = { snapshot, selection: memoized.selection };
        return memoized.selection;
      }
      memoized = { snapshot, selection };
      return selection;
    };
    const server = getServerSnapshot ?? null;
    return [() => select(getSnapshot()), server === null ? undefined : () => select(server())] as const;
  }, [getSnapshot, getServerSnapshot, selector, isEqual]);
  const value = useSyncExternalStore(subscribe, getSelection, getServerSelection);
  useEffect(() => {
    last.current = { hasValue: true, value };
  }, [value]);
  return value;
}
