// The budgets from the issues. Size and burden budgets are deterministic and fail the bench (CI runs `--sizes-only`); timing
// budgets depend on the machine, so they are flagged in the table but never change the exit code. A ratio of two
// timings taken alternately in one run (ours against SurveyJS) holds on a busy machine, so it fails the full bench.
export const KB = 1000; // kB as Vite prints them; 1000 rather than 1024 makes each budget slightly stricter.

export const BUDGETS = {
  initialJsGzip: 90 * KB,
  embedGzip: 95 * KB,
  iframeHostGzip: 2 * KB,
  /**
   * Issue #17's target for everything a person downloads from opening the page to seeing the result, the worst way
   * in: reported, not met. React 19's react-dom is about 57 kB of it; the check ran at 77-85 kB on Preact's
   * compatibility layer, which the product's required stack (React) rules out.
   */
  wholeCheckGzipTarget: 90 * KB,
  /**
   * ... and what is held: the whole check on React 19 as it stands, so no change makes it heavier. The worst way in
   * is the element with the release's SRI-pinned tags, which preload both languages' words (8.7 kB of it): 147.5 kB,
   * then 151.3 kB with the follow-up check (issue #18: its words in the rules and the UI, its offer, intro and
   * comparison screens, the comparison and the kept follow-up's checks, 3.8 kB); rules 2.3.0's two advice texts in
   * both languages brought it to 152.4 kB, and the intro's time estimate no longer worked out in the browser (the
   * rules plugin gives it) took the response-time model out: 150.5 kB. Rules 2.4.0's four new person-facing texts in
   * both languages (the early-pregnancy reasons and safety net, the fainting item's rest check, the tiers of "not
   * sure") and their conditions brought it to 151.2 kB, and the faster impact walks 151.4 kB. Rules 2.5.0's new
   * person-facing texts in both languages (six reasons, three pieces of advice, the clearer chest-pain, heat and
   * pregnancy texts) and its one new question brought it to 152.5 kB; the faster evaluate took it to 152.4 kB, then
   * its rank-per-rule and inline group tests to 152.52 kB, and the postnatal advice (split from the pregnancy advice,
   * whose bump and baby signs do not fit after a birth) to 152.61 kB. The element's check after its intro in one chunk
   * and its intro in the entry (src/build/check-chunk.ts: fewer chunks, fewer imports and exports between them) took
   * it to 151.63 kB; the colour samples beside the pee colours (the reviewer's chart: the style rule, the sample in
   * each label and six colours in the rules) and rules 2.6.0's two changed conditions and one reason, 0.2 kB, to
   * 151.83 kB: held at 151.9 kB. Rules 2.7.0's pregnancy-test advice in both languages (0.12 kB, with the emergency
   * step its clinical check asked for) and evaluate's words said once per language and emergency number, with the
   * solver's leaves gathered once per query (0.28 kB; evaluate about 5% faster over five alternating pairs) took it to
   * 152.21 kB: held at 152.3 kB. Rules 2.8.0's two reasons and one piece of advice for a first back pain over 50,
   * in both languages, with their conditions (0.30 kB), took it to 152.51 kB: held at 152.6 kB. Rules 2.9.0's line
   * for a known aorta condition, in both languages, with its condition (0.21 kB), took it to 152.72 kB: held at
   * 152.8 kB. The engine's groups tested in place by kind (their `isAny`, scale and nested parts, with a first test
   * before each call) and its words said through one object per result rather than six closures (0.60 kB; evaluate
   * about 16% faster over two alternating pairs of three runs, results identical over 48,000 compared) took it to
   * 153.32 kB: held at 153.4 kB. Rules 3.0.0's question for a known aorta condition, with its three warning signs, a
   * consultation reason and two lines of advice (when to call the emergency number, which its clinical check asked
   * for, and to tell the team), in both languages, less 2.9.0's stopgap line and the aneurysm question it replaces
   * (0.35 kB), took it to 153.67 kB, and its re-check's clearer words for when to call (three sentences), a shorter label and the pregnancy and postnatal lines split by result level to 153.74 kB,
   * and its final check's words for pregnancy (the aorta line for the maternity team, the signs of pre-eclampsia, the
   * maternity unit on a fall's top card) to 154.05 kB: held at 154.1 kB. Rules 3.1.0's words from its two clinical
   * checks (the signs of a blood clot and of pre-eclampsia after a birth, the pre-eclampsia line on every pregnancy
   * result, three new reasons: belly or upper-back pain and a stinging pee after a birth, doubt about an aorta
   * condition for the GP practice), in both languages, took it to 154.51 kB, and the signs of a blood clot in
   * pregnancy, in one line with the pre-eclampsia signs, to 154.48 kB: held at 154.6 kB. Rules 3.2.0's words from a
   * blind vignette review of 3.1.0 (sickle cell disease named in the infection-risk item and chosen in its follow-up,
   * its same-day and emergency reasons and actions and its line of advice; the signs of an aortic dissection and of a
   * clot in the lung in the emergency safety net; a cancer team's helpline), in both languages, took it to 155.08 kB,
   * and its clinical check's conditions (the sickle cell team and the staff told on every result, the maternity unit
   * in pregnancy) to 155.18 kB, and a possible clot in the lung (pain between the shoulder blades sharper on breathing
   * in, a list of the risks of a clot on screen, its reasons and a line of advice, from the review's probe P05 and its
   * own clinical check and its re-check) to 156.29 kB: held at 156.3 kB. Rules 3.3.0's words (after doubt about
   * fainting, a tick list of what the doubt is about and a heart history question; a consultation reason for a dizzy
   * spell since stopping and two lines of advice, for it and for doubt about chest pain; consultation cards of their
   * own for a stinging pee, the heart doubts, pregnancy and a cancer history), all from a blind vignette review of
   * 3.1.0 and three clinical checks of 3.3.0, in both languages, took it to 157.57 kB, and the maternity unit for doubt
   * about fainting in pregnancy (its re-check's recommendation) to 157.63 kB: held at 157.7 kB (rules 3.4.0 changes
   * one line of advice by a few words). Rules 3.5.0's words from two blind reviews of 3.4.0 and a check of the draft
   * (six new rules' reasons, a line of advice for a pregnancy test, a same-day safety-net line, a consultation card,
   * clearer words for sudden severe pain, red pee, the trained muscles and the bladder), in both languages, took it to
   * 158.44 kB, and the GP's name on the consultation card of a first back pain over 50 (the same review's W5) to
   * 158.47 kB: held at 158.6 kB. Rules 3.6.0's words from four blind clinical checks of its drafts (four lines of
   * advice that say what counts in a doubtful fall, cancer, steroid or infection history, how to find out and which
   * pain then needs a doctor today, A&E or the emergency number; the GP on a doubt's consultation card), in both
   * languages, took it to 159.51 kB: held at 159.6 kB. Rules 3.7.0's words from a blind safety audit of 3.6.0 and
   * the blind check of its change (the reason for side or groin pain that nothing eases, which asks a young man to say
   * if a testicle hurts; the stimulant reason with its cooling step; a safety-net line on when to call after
   * stimulants), in both languages, took it to 159.70 kB: held at 159.8 kB. Fixes from blind QA passes (a sign's
   * confirmation under its own tick, tel: links from the top page, a CSS dark accent kept, NHS 111 named as the UK's)
   * took it to 159.83 kB: held at 159.9 kB. A blind accessibility pass and a blind GP's read of the summary (the
   * language switch waiting for its words, focus handed on by the follow-up buttons, a summary with what was found
   * first, follow-ups beside their sign and three more facts, Change buttons named in short, rules 3.7.2's condition
   * on the ibuprofen list) took it to 160.54 kB: held at 160.6 kB. Clinical words a reviewer asked for are not traded
   * for bytes.
   */
  wholeCheckGzip: 160.6 * KB,
  firstQuestionMs: 1500,
  /** Issue #17: SurveyJS's first question over ours, same questions, same run. */
  firstQuestionRatioVsSurveyJS: 3.5,
  evaluatePerSecond: 100_000,
  rulesCheckMs: 1000,
  /** Log-log slope of lint time against the number of rules: 1 is linear; a little above allows for noise. */
  lintGrowthExponent: 1.2,
  /** The short check, for a person with no warning sign: screens to the result (review included), worst case. */
  noWarningScreensMax: 12,
  /** ... and minutes by the response-time model, median. */
  noWarningMinutesMedian: 3,
  /** Issue #16: every visible word of the screens that ask something, and the result's top card, by the model (median). */
  noWarningAllWordsSecondsMedian: 210,
  /** Issue #16: the result's top card, read in ten seconds: words, worst case (English and Spanish). */
  topCardWordsMax: 60,
  /** The warning signs, for a person who has none: screens, worst case. */
  warningScreensMax: 4,
  /** Issue #12: rules:diff --impact on 100,000 answer sets, today's rules and rules ten times larger. */
  impactTodayMs: 5000,
  impactTenTimesMs: 30_000,
  /** Issue #12: /review, a pasted file with 10 errors -> its problems on screen. */
  reviewProblemsMs: 1000,
} as const;

/**
 * `size` and `burden` are deterministic and fail the run; `ratio` (two timings alternated in one run) fails it too;
 * `timing` depends on the machine and is only flagged; `target` is an issue's goal not met yet, reported beside the
 * limit that is held.
 */
export type BudgetKind = 'size' | 'burden' | 'ratio' | 'timing' | 'target';
export type BudgetStatus = 'ok' | 'OVER' | 'skipped';

export interface BudgetCheck {
  name: string;
  kind: BudgetKind;
  limit: string;
  actual: string;
  status: BudgetStatus;
}

export function check(
  name: string,
  kind: BudgetKind,
  limit: string,
  measured: { value: number; shown: string } | { skipped: string },
  withinBudget: (value: number) => boolean,
): BudgetCheck {
  if ('skipped' in measured) return { name, kind, limit, actual: measured.skipped, status: 'skipped' };
  return { name, kind, limit, actual: measured.shown, status: withinBudget(measured.value) ? 'ok' : 'OVER' };
}

/** A missed size, burden or ratio budget fails the run; a missed timing budget is only flagged. */
export function failsRun(checks: BudgetCheck[]): boolean {
  return checks.some((c) => c.kind !== 'timing' && c.kind !== 'target' && c.status === 'OVER');
}
