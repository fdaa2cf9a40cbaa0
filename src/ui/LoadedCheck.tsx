// The check with its rules: the lazily loaded part of LazyCheck (the machine, the screens and the rules data).
import rules, { rulesHash, timeEstimate } from '../../rules/lower-back-after-workout.yaml?rules';
import { CheckApp, type CheckAppProps } from './CheckApp.tsx';

export default function LoadedCheck(props: Omit<CheckAppProps, 'rules' | 'rulesHash' | 'timeEstimate'>) {
  return <CheckApp rules={rules} rulesHash={rulesHash} timeEstimate={timeEstimate} {...props} />;
}
