// Population figures as text for people: a table of the share sent to each urgency (overall, by group, by class),
// the rules that set each level, what misreadings add, the sensitivity band, and the budgets they are held to.
// Plain text for the terminal, Markdown for the README, a review note or an issue.
import type { PopulationFigures, UrgencyShares } from './run.ts';

/** The budgets of the right-care issue, for the central model: reported by the bench and the impact analysis. */
export const POPULATION_BUDGETS = {
  emergencyMax: 0.01,
  urgentMax: 0.08,
  selfCareMin: 0.5,
  /** The share of the serious group that must get urgent or emergency care. */
  seriousUrgentOrEmergencyMin: 1,
} as const;

/**
 * What tests/population/budgets.test.ts enforces: the serious group in full (every person the rules could recognise;
 * the people a self-check falsely reassured are counted apart and held at their number), and the shares rules 2.6.0
 * reached on model 1.6.0 (3.87% emergency, 9.75% urgent, 50.62% self-care), held so that no change makes them worse.
 * 2.5.0 gave 3.87% / 9.73% / 50.62%: 2.6.0 closes a gap an independent population model found (severe pain no better
 * after a week with low immunity, injecting or a recent spinal procedure is same-day, +0.03 points) and lowers doubt
 * about bladder changes explained by a stinging pee alone (-0.01), so the urgent limit went from 9.75% to 9.76%: a
 * gap in the serious group outranks a hundredth of a point. On the same 100,000 people rules 2.4.0 gives 3.85% /
 * 9.98% / 50.15% (model 1.6.0 adds the women unsure whether they are pregnant and the chest-pain follow-up's answers;
 * on 1.5.0's draw 2.4.0 gave 3.89% / 9.90% / 50.08%). The
 * issue's self-care budget is met; emergency and urgent are not: most of the 999 share is people who confirm, in full
 * words after the exclusions, a sign the NHS sends to 999 (pain or numbness in both legs, bladder or saddle changes),
 * which no clinician reviewing this content would lower, and the serious group alone is about 1% of everyone at
 * emergency. The figures and the reasons
 * are in docs/rules-2.1-changes.md to docs/rules-2.7-changes.md. Rules 2.7.0 gives the same shares to the hundredth of a
 * point: its one raised condition (doubt about bladder changes with a stinging pee, and back pain of 4 or more or
 * getting worse) sends 1 more person in 100,000 the same day (9.754% -> 9.755%), and its other change is words.
 * Rules 2.8.0 raised the urgent limit to 9.87% (9.864% measured): over 50, a first-ever pain of 9 or 10 after
 * training, in its first 3 days or its first week when not easing, is same-day (very_severe_first_pain_over_50: a
 * leaking aneurysm or a severe fracture can look like a strain, NICE NG156), 109 more per 100,000 for an estimated 2
 * to 3 serious people the model cannot show (its serious classes hold only people whose answers show their illness);
 * a first episode of 6 that began in the session is a consultation (self-care 50.62% -> 50.36%). Two clinical checks
 * of that change signed it off with conditions, all met.
 * Rules 3.0.0 raised the limits to 3.91% and 9.97% (3.906% and 9.964% measured, on model 1.7.0's draw, where 2.9.0
 * gives 3.849% and 9.822%): a known condition of the aorta is asked of everyone (Marfan syndrome with new pain between
 * the shoulder blades was self-care, the blind review's case S32). A Yes is an emergency over 50 or with pain or
 * signs where an aortic syndrome shows (a weak or numb leg included), same-day for low back pain that began with the
 * training, in pregnancy or after a birth, or constant; a consultation for pain from the next day; doubt is same-day
 * over 50 or with those signs. 57 more emergencies and 142 more same-day results per 100,000, for a high-risk
 * condition (the issue: "if a budget and a safety item truly conflict, keep the safety item"); its clinical check
 * judged the price proportionate.
 * Rules 3.1.0 lowered the urgent limit to 9.95% (3.903% / 9.949% / 50.059% measured): two narrower aorta rules over
 * 50 (a known condition with steady pain past its first week is same-day, not an emergency; doubt with soreness from
 * the next day is a consultation, -3 emergencies and -30 same-day per 100,000), and after a birth belly pain, deep
 * pain between the shoulder blades and a stinging pee same-day (+12), from two clinical checks of that change.
 * Rules 3.2.0, on model 1.8.0 (3.927% / 10.065% / 49.951% measured; 3.1.0 on the same people 3.921% / 9.860% /
 * 49.989%): sickle cell disease with back pain after training is same-day with the person's team, and an emergency with
 * pain nothing eases, a fever, chest pain, or a faint or breathlessness; pain between the shoulder blades that is
 * sharper on breathing in is same-day with a risk of a clot from a list on screen, over 50, or in pregnancy (with the
 * maternity unit), a consultation with doubt on both (a blind vignette review of 3.1.0, probes P06 and P05: a sickle
 * cell crisis and a clot in the lung were self-care; two clinical checks of 3.2.0, sign off with conditions, all met).
 * +6 emergencies, +205 same-day, -38 self-care per 100,000; the 5 people in the model's new serious classes whom
 * 3.1.0 sends to a consultation or self-care are all caught. Model 1.8.0 also draws each answer from its own numbers
 * (src/population/people.ts), so that a question added to the model no longer redraws everyone: on this draw 3.1.0
 * itself tells 49.989% to look after it themselves (50.059% on 1.7.0's), within the draw's noise of the issue's 50% (a
 * standard error of 0.16 points on 100,000 people). So the self-care limit is held at 49.95%, the urgent one at
 * 10.07%: the serious group outranks a tenth of a point, and no clinician would trade a missed clot in the lung for it.
 * Rules 3.3.0, on model 1.9.0 (3.927% / 10.051% / 49.951% measured; 3.2.0 on the same people 3.927% / 10.065% /
 * 49.951%): doubt about fainting asks what it is about; dizziness since stopping, and easing, ticked alone, under 35
 * with nothing else, is a consultation with the signs for a doctor today and the emergency number (a blind vignette
 * review of 3.1.0, case B06 and condition 4; its clinical check and re-check's conditions), and doubt about chest pain
 * in pregnancy or after a birth is same-day (the re-check's condition 6): net -14 same-day per 100,000, none of them
 * in the serious group. The urgent limit goes to 10.06%.
 * Rules 3.4.0 (3.927% / 10.051% / 49.951% measured, as 3.3.0): a draft that made several doubts pointing to no one
 * illness a GP in a day or two (a blind vignette review of 3.1.0, case B10) moved 12, then 5, then 2 per 100,000 from
 * same-day; two blind clinical checks found serious illness hiding in it each time, and it was withdrawn (see
 * several_signs_not_sure's rationale). The limits stay.
 * Rules 3.5.0 (3.931% / 10.303% / 49.800% measured): two blind reviews of 3.4.0, one of ordinary users and one of
 * serious disease, and a blind check of the draft, found serious illness under-triaged (a leaking aneurysm at 8/10 or
 * with faintness, a heart attack felt between the shoulder blades, muscle breakdown of the back after much more
 * training, diabetes with severe pain not easing); the rules that catch it send about 300 more per 100,000 the same
 * day (125 for a first pain of 8 over 50 that began in the session, 109 and 67 for the two muscle-breakdown rules) and 4
 * more to the emergency number, and a thin-bones twinge over 50 below 5/10 is a consultation again (45 fewer). The
 * limits go to 3.94% / 10.31% / 49.80%: the serious group outranks these tenths of a point (each rule's rationale
 * gives the clinician's reason).
 * Rules 3.6.0 (3.931% / 10.308% / 49.837% measured): "I'm not sure" whether a fall or blow started the pain, alone,
 * under 50, with pain under 5 that is not getting worse, is self-care with a line that says when to be seen; every
 * other doubt about history still books a GP, now with a line that says what counts. Four blind clinical checks
 * lowered more in its drafts and found serious disease in each doubt about cancer, bones or an infection risk. 37 per
 * 100,000 move from a consultation to self-care, and 5 to same-day care (a doubt about an infection risk with a doubt
 * about a fever: the second check's condition 6, an epidural abscess). The self-care limit goes to 49.83%; the urgent
 * one holds.
 * Rules 3.7.0 (3.996% / 10.243% / 49.837% measured): a blind safety audit of 3.6.0 found a teenager with a twisted
 * testicle and an older man with a leaking aneurysm, each felt as kidney pain, and a man on DNP with a racing heart,
 * sent to a doctor today. Side or groin pain that nothing eases is now an emergency at 8 or more, and at any score over
 * 50 and under 20 (its clinical check's condition C1), and so is a doubt about fainting, more than dizziness since
 * stopping, after stimulants: 65 per 100,000 move from same-day to the emergency number, 60 of them in the serious
 * group (kidney pain that nothing eases) and 5 after stimulants, and none from self-care or a consultation. The emergency limit goes to 4.00% and the
 * urgent one to 10.25%.
 * Lower these limits as the rules improve; never raise them without a clinician's reason in the rules' rationale.
 */
/** The rules version whose figures POPULATION_HELD holds, for the bench's labels. */
export const POPULATION_HELD_AT = '3.7.0';

export const POPULATION_HELD = {
  emergencyMax: 0.04,
  urgentMax: 0.1025,
  selfCareMin: 0.4983,
  seriousUrgentOrEmergencyMin: 1,
  /** Serious people missed after their own self-check settled their only sign as No: 1 of 1,526 at 2.5.0 to 2.8.0 on model
   * 1.6.0's draw (a kidney infection whose thermometer read under 38), 1 of 1,635 at 2.4.0 on 1.5.0's. */
  missedAfterSelfCheckMax: 1,
} as const;

export type PopulationLimits = { readonly [K in keyof typeof POPULATION_BUDGETS]: number };

export interface BudgetLine {
  name: string;
  limit: string;
  actual: string;
  ok: boolean;
}

/** `b`: the issue's budgets (reported) by default, or POPULATION_HELD (what the tests and the bench enforce). */
export function populationBudgets(f: PopulationFigures, b: PopulationLimits = POPULATION_BUDGETS): BudgetLine[] {
  return [
    { name: 'emergency', limit: `≤ ${pct(b.emergencyMax)}`, actual: pct(f.central.emergency), ok: f.central.emergency <= b.emergencyMax },
    { name: 'urgent', limit: `≤ ${pct(b.urgentMax)}`, actual: pct(f.central.urgent), ok: f.central.urgent <= b.urgentMax },
    { name: 'self-care', limit: `≥ ${pct(b.selfCareMin)}`, actual: pct(f.central.selfCare), ok: f.central.selfCare >= b.selfCareMin },
    {
      name: 'serious group urgent or emergency',
      limit: `${pct(b.seriousUrgentOrEmergencyMin)}`,
      actual: seriousCell(f),
      ok: f.serious.urgentOrEmergencyByRules >= b.seriousUrgentOrEmergencyMin,
    },
  ];
}

/**
 * The serious group's share, as the budget reads it (everyone the rules could recognise), with the people missed
 * after their own self-check settled their only sign as No named beside it, never folded in silently.
 */
export function seriousCell(f: PopulationFigures): string {
  const after = f.serious.missedAfterSelfCheck;
  return after.people === 0 ? pct(f.serious.urgentOrEmergencyByRules) : `${pct(f.serious.urgentOrEmergencyByRules)} (${pct(f.serious.urgentOrEmergency)} of all: ${after.people} missed after a self-check)`;
}

export function pct(x: number): string {
  if (x === 0) return '0%';
  if (x === 1) return '100%';
  return `${(x * 100).toFixed(x < 0.01 ? 2 : 1)}%`;
}

const LEVELS: readonly (keyof UrgencyShares)[] = ['emergency', 'urgent', 'consult', 'selfCare'];
const LEVEL_WORDS: Record<keyof UrgencyShares, string> = { emergency: 'emergency', urgent: 'urgent', consult: 'consult', selfCare: 'self-care' };

function row(cells: readonly string[], markdown: boolean): string {
  return markdown ? `| ${cells.join(' | ')} |` : cells.map((c, i) => (i === 0 ? c.padEnd(42) : c.padStart(10))).join(' ');
}

function header(cells: readonly string[], markdown: boolean): string[] {
  const head = row(cells, markdown);
  if (!markdown) return [head];
  return [head, `| ${cells.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
}

/** One population run as lines of text. */
export function formatPopulation(f: PopulationFigures, options: { markdown?: boolean; title?: string } = {}): string[] {
  const md = options.markdown === true;
  const lines: string[] = [];
  const title = options.title ?? `${f.model.title} (${f.model.id} ${f.model.version}) through ${f.rules.id} ${f.rules.version}`;
  lines.push(md ? `**${title}**: ${f.people.toLocaleString('en-US')} people, seed ${f.seed}` : `${title}: ${f.people.toLocaleString('en-US')} people, seed ${f.seed}`);
  lines.push('');
  lines.push(...header(['', 'people', ...LEVELS.map((l) => LEVEL_WORDS[l])], md));
  lines.push(row(['everyone', '100%', ...LEVELS.map((l) => pct(f.central[l]))], md));
  if (f.band) {
    lines.push(row(['  warning-sign rates halved', '', ...LEVELS.map((l) => pct(f.band?.halved[l] ?? 0))], md));
    lines.push(row(['  warning-sign rates doubled', '', ...LEVELS.map((l) => pct(f.band?.doubled[l] ?? 0))], md));
  }
  for (const [group, g] of Object.entries(f.byGroup)) {
    lines.push(row([`group: ${group}`, pct(g.people / f.people), ...LEVELS.map((l) => pct(g[l]))], md));
  }
  for (const c of Object.values(f.byClass)) {
    lines.push(row([`  ${c.title}`, pct(c.share), ...LEVELS.map((l) => pct(c[l]))], md));
  }
  lines.push('');
  if (f.emergencyOwnService > 0) {
    lines.push(
      `${md ? '- ' : ''}Emergency: ${pct(f.central.emergency)} of everyone, of which ${pct(f.emergencyOwnService)} sent by their red flags to a service those flags name (a flag's own action) and ${pct(f.central.emergency - f.emergencyOwnService)} to the emergency number.`,
    );
  }
  for (const level of ['emergency', 'urgent', 'consult'] as const) {
    const top = f.topRules[level].map((r) => `${r.id} ${pct(r.share)}`).join(', ') || '(none)';
    lines.push(`${md ? '- ' : ''}Rules that set ${level} (share of everyone): ${top}`);
  }
  const raised = LEVELS.filter((l) => l !== 'selfCare').map((l) => `${LEVEL_WORDS[l]} ${pct(f.misreadings.raisedTo[l])}`).join(', ');
  lines.push(`${md ? '- ' : ''}Misreadings: ${pct(f.misreadings.people)} of people mistook a normal sensation for a sign; it raised the result of ${raised} of everyone.`);
  const missed = f.serious.missed.map((m) => `${m.classId} -> ${m.urgency}`).join('; ');
  lines.push(`${md ? '- ' : ''}Serious group: ${pct(f.serious.urgentOrEmergencyByRules)} of those the answers show sent to urgent or emergency care${missed ? ` (not: ${missed})` : ''}.`);
  const after = f.serious.missedAfterSelfCheck;
  if (after.people > 0) {
    const who = after.examples.map((m) => `${m.classId} -> ${m.urgency}, settled ${m.settled.join(', ')}`).join('; ');
    lines.push(
      `${md ? '- ' : ''}Missed after a self-check: ${after.people} of ${f.serious.people.toLocaleString('en-US')} in the serious group (${pct(after.share)}) had only a "not sure" as a sign, which their own self-check settled as No (${who}).`,
    );
  }
  return lines;
}

/** Two versions on the same people, side by side: what a change does to the share sent to each urgency. */
export function formatPopulationComparison(before: PopulationFigures, after: PopulationFigures, options: { markdown?: boolean } = {}): string[] {
  const md = options.markdown === true;
  const lines: string[] = [];
  const title = `Reference population: ${after.model.title} (${after.model.id} ${after.model.version}), ${after.people.toLocaleString('en-US')} people, seed ${after.seed}`;
  lines.push(md ? `**${title}**` : title, '');
  lines.push(...header(['', ...LEVELS.map((l) => LEVEL_WORDS[l]), 'serious group urgent or emergency'], md));
  for (const [name, f] of [
    [`${before.rules.id} ${before.rules.version}`, before],
    [`${after.rules.id} ${after.rules.version}`, after],
  ] as const) {
    lines.push(row([name, ...LEVELS.map((l) => pct(f.central[l])), seriousCell(f)], md));
    if (f.band) {
      const band = (l: keyof UrgencyShares) => `${pct(f.band?.halved[l] ?? 0)}–${pct(f.band?.doubled[l] ?? 0)}`;
      lines.push(row(['  warning-sign rates halved–doubled', ...LEVELS.map(band), ''], md));
    }
  }
  lines.push('');
  for (const [name, f] of [
    [before.rules.version, before],
    [after.rules.version, after],
  ] as const) {
    for (const level of ['emergency', 'urgent'] as const) {
      const top = f.topRules[level].map((r) => `${r.id} ${pct(r.share)}`).join(', ') || '(none)';
      lines.push(`${md ? '- ' : ''}${name}: rules that set ${level}: ${top}`);
    }
  }
  lines.push('', ...populationBudgets(after).map((b) => `${md ? '- ' : ''}${b.ok ? 'within budget' : 'OVER budget'}: ${b.name} ${b.actual} (budget ${b.limit})`));
  return lines;
}
