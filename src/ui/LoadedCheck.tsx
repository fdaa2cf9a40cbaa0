// The check with its rules: the lazily loaded part of LazyCheck (the machine, the screens and the rules' structure;
// the words of each language arrive beside it, src/ui/check-rules.ts).
import { nextStep } from '../engine/navigation.ts';
import { CheckApp, type CheckAppProps } from './CheckApp.tsx';
import { rules, rulesHash, timeEstimate } from './check-rules.ts';

export { addTexts, hasTexts } from './check-rules.ts';

// The first step is worked out now, while the words of the person's language are still on their way: the screens'
// relevance it needs is remembered per rules, so pressing Start only renders (it was most of the wait after Start on
// a slow phone). Pure: nothing is shown or kept but that memo.
nextStep(rules, {}, {}, { unansweredOnly: true });

export default function LoadedCheck(props: Omit<CheckAppProps, 'rules' | 'rulesHash' | 'timeEstimate'>) {
  return <CheckApp rules={rules} rulesHash={rulesHash} timeEstimate={timeEstimate} {...props} />;
}
