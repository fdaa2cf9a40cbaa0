// Placeholder until the clinicians' review page lands (issue #4's sibling); the real one replaces this file.
import type { Rules } from '../rules/schema.ts';

export default function ReviewPage(_props: { rules: Rules }) {
  return <h1>Rules review</h1>;
}
