// The check with its rules: the lazily loaded part of LazyCheck (the machine, the screens and the rules' structure;
// the words of each language arrive beside it, src/ui/check-rules.ts).
import { prepareFirstStep } from '../flow/machine.ts';
import { CheckApp, type CheckAppProps } from './CheckApp.tsx';
import { ensureTexts, rules, rulesHash, timeEstimate } from './check-rules.ts';

export { addTexts, hasTexts } from './check-rules.ts';

// As soon as the code is here, before the words have arrived or the person has pressed Start.
prepareFirstStep(rules);

export default function LoadedCheck(props: Omit<CheckAppProps, 'rules' | 'rulesHash' | 'timeEstimate'>) {
  return <CheckApp rules={rules} rulesHash={rulesHash} timeEstimate={timeEstimate} wordsFor={ensureTexts} {...props} />;
}
