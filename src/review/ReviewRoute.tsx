// The review page with the full rules (rationale and sources included), loaded only on the /review route.
import rules, { rulesSignoff } from '../../rules/lower-back-after-workout.yaml?rules-full';
import ReviewPage from './ReviewPage.tsx';

const SHIPPED = { rules, signoff: rulesSignoff, file: 'rules/lower-back-after-workout.yaml' };

export default function ReviewRoute() {
  return <ReviewPage shipped={SHIPPED} />;
}
