// The check as the embed renders it: LazyCheck shows the intro at once and loads the machine, the screens and the
// rules as a separate chunk, so the widget's first paint costs little more than React.
import { LazyCheck, preloadCheck } from '../ui/LazyCheck.tsx';
import type { WidgetCheckProps } from './check-props.ts';

export function WidgetCheck(props: WidgetCheckProps) {
  return <LazyCheck {...props} />;
}

/** Fetch the rest of the check now, so that answering never waits for (or makes) a network request. */
export const preloadWidgetCheck = preloadCheck;
