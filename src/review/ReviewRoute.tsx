// The review page with the full rules (rationale and sources included), loaded only on the /review route.
import rules, { rulesSignoff } from '../../rules/lower-back-after-workout.yaml?rules-full';
import ReviewPage from './ReviewPage.tsx';

export default function ReviewRoute() {
  return <ReviewPage rules={rules} signoff={rulesSignoff} />;
}
