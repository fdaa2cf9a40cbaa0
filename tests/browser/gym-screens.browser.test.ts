// Every kind of screen the gym-goer can meet, in real Chromium: axe-core WCAG 2.2 AA with zero violations, no
// sideways scroll at 320 px, tap targets of at least 24x24 px, and screenshots at phone and desktop size (artifacts
// in test-results/screenshots/). Each test walks one path and checks the screens it passes, collecting every
// finding so that one run names all of them.
import { describe, expect, it } from 'vitest';
import { mainRules } from '../helpers.ts';
import { axeViolations } from './axe.ts';
import {
  asks,
  browserSuite,
  CALM,
  CheckPage,
  CONSULT,
  EMERGENCY,
  horizontalOverflow,
  NOT_SURE,
  OUT_OF_SCOPE,
  overflowingElements,
  screenshots,
  smallTargets,
  URGENT,
  type Plan,
  type Screen,
  type TestPage,
} from './pages.ts';

const rules = mainRules();
const suite = browserSuite();
const NARROW = { width: 320, height: 640 } as const;

/**
 * Runs every check on the screen as it is now; returns what is wrong, prefixed with the screen's name. The 320 px
 * checks can be left out where only colours differ from a run that made them (the dark scheme).
 */
async function checkScreen({ page }: TestPage, name: string, narrow = true): Promise<string[]> {
  const issues = (await axeViolations(page)).map((v) => `${name}: axe ${v}`);
  if (narrow) {
    const before = page.viewportSize();
    await page.setViewportSize(NARROW);
    const overflow = await horizontalOverflow(page);
    if (overflow > 0) issues.push(`${name}: scrolls ${overflow}px sideways at 320px (${(await overflowingElements(page)).join('; ')})`);
    issues.push(...(await smallTargets(page)).map((t) => `${name}: small target at 320px: ${t}`));
    if (before) await page.setViewportSize(before);
  }
  await screenshots(page, name);
  return issues;
}

/**
 * Which screens of a walk are worth checking: the intro, the first grouped check, the first screen of each section,
 * the first scale and tick-list question, the review and the result. Returns the screen's name, or null to pass it by.
 */
function screenNamer(prefix: string) {
  const seenSections = new Set<string>();
  const seenKinds = new Set<string>();
  return (s: Screen): string | null => {
    // The walks below all end in a self-care result; the other urgencies have tests of their own.
    if (s.kind === 'result') return `${prefix}result-self-care`;
    if (s.kind !== 'step') return `${prefix}${s.kind}`;
    const { step } = s;
    const firstOfSection = !seenSections.has(step.section);
    seenSections.add(step.section);
    if (step.kind !== 'questions') {
      if (seenKinds.has(step.kind)) return null;
      seenKinds.add(step.kind);
      return `${prefix}${step.kind}-${step.screen}`;
    }
    const special = step.questions.find((q) => q.type !== 'single' && !seenKinds.has(q.type));
    if (special) {
      seenKinds.add(special.type);
      return `${prefix}screen-${step.section}-${special.type}-${special.id}`;
    }
    return firstOfSection ? `${prefix}screen-${step.section}` : null;
  };
}

async function walkAndCheck(
  tp: TestPage,
  check: CheckPage,
  plan: Plan,
  prefix: string,
  narrow = true,
  onStep?: (s: Extract<Screen, { kind: 'step' }>) => Promise<void>,
): Promise<{ issues: string[]; checked: string[] }> {
  const issues: string[] = [];
  const checked: string[] = [];
  const name = screenNamer(prefix);
  await check.toResult(plan, async (s) => {
    if (s.kind === 'step') await onStep?.(s);
    const n = name(s);
    if (!n) return;
    checked.push(n);
    issues.push(...(await checkScreen(tp, n, narrow)));
  });
  return { issues, checked };
}

describe('every screen of the check, in English, light', () => {
  it('intro, error summary, a question of each section and type, review and self-care result', async () => {
    const tp = await suite.open();
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    const issues: string[] = [];
    // The error summary: Continue on the first question without an answer.
    await check.start();
    await check.press(check.t.continue);
    await expect.poll(() => tp.page.getByRole('alert').textContent()).toContain(check.t.errorSummaryTitle);
    issues.push(...(await checkScreen(tp, 'error-summary')));

    // Colour answers show their colour sample (set from the rules' data, which the page's CSP must not block).
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const wanted: string[][] = [];
    const shown: string[][] = [];
    const walk = await walkAndCheck(tp, check, CALM, '', true, async (s) => {
      const colours = s.step.questions.flatMap((q) => (q.type === 'scale' ? [] : q.options.flatMap((o) => (o.swatch ? [rgb(o.swatch)] : []))));
      if (colours.length === 0) return;
      wanted.push(colours);
      shown.push(await tp.page.locator('label .backcheck__swatch').evaluateAll((spans) => spans.map((el) => getComputedStyle(el).backgroundColor)));
    });
    expect(wanted.length).toBeGreaterThan(0);
    expect(shown).toEqual(wanted);
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel['self-care']);
    // The self-care result: what to do now, the lifting-form cause framed as "may be adding", and when to get help.
    const headings = (await tp.page.locator('main h2').allInnerTexts()).map((h) => h.trim());
    expect(headings).toEqual(
      expect.arrayContaining([check.say(rules.results.selfCareAdvice!.title), check.t.causesTitle, check.t.safetyTitle]),
    );
    await tp.page.getByRole('button', { name: check.t.causesTitle }).click();
    const causes = tp.page.getByRole('region', { name: check.t.causesTitle }).getByRole('heading', { level: 3 });
    expect((await causes.allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      `${check.say(rules.causes.find((c) => c.id === 'posture')!.title)} ${check.t.likelihood.likely}`,
      // Pain that began in the session, mild and new: an ordinary strain is possible too (rules 2.1).
      `${check.say(rules.causes.find((c) => c.id === 'soreness')!.title)} ${check.t.likelihood.possible}`,
    ]);
    // Every section was reached, and the grouped check, a tick list and a scale were checked.
    const sectionsChecked = new Set(rules.sections.filter((x) => walk.checked.some((n) => n.includes(`screen-${x.id}`) || (x.id === rules.sections[0]?.id && n.startsWith('group-')))).map((x) => x.id));
    expect(sectionsChecked).toEqual(new Set(rules.sections.map((x) => x.id)));
    expect(walk.checked).toEqual(
      expect.arrayContaining(['review', 'result-self-care', expect.stringMatching(/^group-/), expect.stringMatching(/-scale-/), expect.stringMatching(/-multi-/)]),
    );
    expect([...issues, ...walk.issues]).toEqual([]);
  });

  it('"Which of these?" after Yes, and a warning sign asked on its own after "I\'m not sure"', async () => {
    const issues: string[] = [];
    const yes = await suite.open();
    const yesCheck = new CheckPage(yes.page, rules);
    await yesCheck.goto(suite.url);
    await yesCheck.start();
    const which = await yesCheck.answer(EMERGENCY);
    expect(which).toMatchObject({ kind: 'step', step: { kind: 'which' } });
    issues.push(...(await checkScreen(yes, 'which')));
    const unsure = await suite.open();
    const unsureCheck = new CheckPage(unsure.page, rules);
    await unsureCheck.goto(suite.url);
    await unsureCheck.start();
    const one = await unsureCheck.answer(NOT_SURE);
    expect(one).toMatchObject({ kind: 'step', step: { kind: 'questions' } });
    issues.push(...(await checkScreen(unsure, 'one-warning-sign')));
    expect(issues).toEqual([]);
  });

  it('the first screen shows the whole list and every answer above the fold at 360x740, with the Continue bar', async () => {
    const tp = await suite.open({ viewport: { width: 360, height: 740 } });
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    await check.start();
    const layout = await tp.page.evaluate(() => {
      const bar = document.querySelector('.backcheck__question .backcheck__actions')?.getBoundingClientRect();
      const answers = [...document.querySelectorAll('form[data-step] .backcheck__choice, form[data-step] .backcheck__group-list li')].map((el) => {
        const r = el.getBoundingClientRect();
        return { text: (el.textContent ?? '').trim(), bottom: r.bottom };
      });
      return { barTop: bar?.top ?? 0, barBottom: bar?.bottom ?? 0, height: window.innerHeight, answers };
    });
    // The Continue bar sits at the bottom of the screen, in view.
    expect(layout.barBottom).toBeLessThanOrEqual(layout.height + 0.5);
    expect(layout.barTop).toBeGreaterThan(layout.height / 2);
    expect(layout.answers.length).toBeGreaterThanOrEqual(rules.screens![0]!.questions.length + 3);
    // Nothing to read or choose is hidden behind it or below the fold.
    const hidden = layout.answers.filter((a) => a.bottom > layout.barTop + 0.5).map((a) => `${a.text} (bottom ${Math.round(a.bottom)} > ${Math.round(layout.barTop)})`);
    expect(hidden).toEqual([]);
  });

  it.each([
    ['emergency', EMERGENCY, 'emergency', { redFlag: 'saddle_numbness' }],
    ['urgent', URGENT, 'urgent', { redFlag: 'fever' }],
    ['consult', CONSULT, 'consult', { consultSign: 'not_settling' }],
    ['out-of-scope', OUT_OF_SCOPE, 'consult', { scopeExit: 'under_16' }],
  ] as const)('the %s result', async (name, plan, urgency, why: { redFlag?: string; consultSign?: string; scopeExit?: string }) => {
    const tp = await suite.open();
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    const s = await check.toResult(plan);
    expect(s.kind).toBe('result');
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel[urgency]);
    // What to do, in the rules' words, and the reason the person can recognise from their answers.
    const texts = rules.results.urgency[urgency];
    expect(s.heading).toBe(check.say(texts.title));
    // The reasons are one tap away: "Why we say this" opens.
    const whyButton = tp.page.getByRole('button', { name: check.t.redFlagsTitle });
    if ((await whyButton.count()) > 0) await whyButton.click();
    const shown = (await tp.page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(shown).toContain(check.say(texts.action).replaceAll('{number}', '999'));
    const reason = why.redFlag
      ? rules.redFlags.find((r) => r.id === why.redFlag)!.reason
      : why.consultSign
        ? rules.consultSigns.find((r) => r.id === why.consultSign)!.reason
        : rules.scopeExits.find((e) => e.id === why.scopeExit)!.message;
    expect(shown).toContain(check.say(reason));
    const headings = (await tp.page.locator('main h2').allInnerTexts()).map((h) => h.trim());
    const safetyNet = rules.results.safetyNet!;
    const today = rules.results.safetyNetToday!;
    const selfCare = rules.results.selfCareAdvice!;
    // The numbers the en-GB browser gets.
    const say = (t: Parameters<CheckPage['say']>[0]) => check.say(t).replaceAll('{number}', '999');
    if (urgency === 'emergency') {
      // "Call now" stands alone: no signs to watch for later, no self-care.
      expect(headings).not.toContain(check.t.safetyTitle);
      expect(headings).not.toContain(check.say(selfCare.title));
    } else {
      // Every other result names the warning signs that mean calling for help, in a section to open; self-care and
      // consult results also the signs that mean a doctor today.
      expect(headings).toContain(check.t.safetyTitle);
      await tp.page.getByRole('button', { name: check.t.safetyTitle }).click();
      const net = tp.page.getByRole('region', { name: check.t.safetyTitle }).getByRole('listitem');
      const tiers = urgency === 'urgent' ? [safetyNet] : [safetyNet, today];
      expect(await net.allInnerTexts()).toEqual(tiers.flatMap((tier) => tier.items.map(say)));
    }
    // Self-care advice goes with the consult result (a pharmacist today, a professional in days), never with urgent.
    if (name === 'urgent') expect(headings).not.toContain(check.say(selfCare.title));
    if (name === 'consult') {
      await tp.page.getByRole('button', { name: check.say(selfCare.title) }).click();
      const advice = tp.page.getByRole('region', { name: check.say(selfCare.title) }).getByRole('listitem');
      const caution = rules.results.antiInflammatory!;
      expect(await advice.allInnerTexts()).toEqual([...selfCare.items, ...caution.items].map((i) => check.say(i)));
    }
    // Every section open, so axe sees all of it.
    const closed = tp.page.locator('button[aria-expanded="false"].backcheck__disclosure-button');
    while ((await closed.count()) > 0) await closed.first().click();
    expect(await checkScreen(tp, `result-${name}`)).toEqual([]);
  });

  it('the resume offer after a reload', async () => {
    const tp = await suite.open();
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    await check.answerUntil(CALM, (s) => asks(s, 'rf_heart'));
    // A new visit (not a reload, which carries on at once) offers to continue.
    const again = { ...tp, page: await tp.context.newPage() };
    await again.page.goto(suite.url);
    await again.page.locator('.backcheck__resume h1').waitFor();
    expect(await checkScreen(again, 'resume-offer')).toEqual([]);
  });
});

describe('the Spanish UI and the dark colour scheme', () => {
  it('in Spanish (browser language es-ES), every screen kind passes', async () => {
    const tp = await suite.open({ locale: 'es-ES' });
    const check = new CheckPage(tp.page, rules, 'es');
    await check.goto(suite.url);
    expect(await tp.page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await check.headingText()).toBe(check.say(rules.meta.title));
    const walk = await walkAndCheck(tp, check, CALM, 'es-');
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel['self-care']);
    expect(walk.issues).toEqual([]);
  });

  it('with a dark colour scheme, every screen kind passes, and it really is dark', async () => {
    const tp = await suite.open({ colorScheme: 'dark' });
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    // Guards against a test that passes on a light page: the page background must be dark.
    const background = await tp.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(3 * 80);
    const walk = await walkAndCheck(tp, check, CALM, 'dark-', false);
    const urgent = await suite.open({ colorScheme: 'dark' });
    const urgentCheck = new CheckPage(urgent.page, rules);
    await urgentCheck.goto(suite.url);
    await urgentCheck.toResult(URGENT);
    const emergency = await suite.open({ colorScheme: 'dark' });
    const emergencyCheck = new CheckPage(emergency.page, rules);
    await emergencyCheck.goto(suite.url);
    await emergencyCheck.toResult(EMERGENCY);
    expect([
      ...walk.issues,
      ...(await checkScreen(urgent, 'dark-result-urgent', false)),
      ...(await checkScreen(emergency, 'dark-result-emergency', false)),
    ]).toEqual([]);
  });
});
