// Every kind of screen the gym-goer can meet, in real Chromium: axe-core WCAG 2.2 AA with zero violations, no
// sideways scroll at 320 px, tap targets of at least 24x24 px, and screenshots at phone and desktop size (artifacts
// in test-results/screenshots/). Each test walks one path and checks the screens it passes, collecting every
// finding so that one run names all of them.
import { describe, expect, it } from 'vitest';
import { mainRules } from '../helpers.ts';
import { axeViolations } from './axe.ts';
import {
  browserSuite,
  CALM,
  CheckPage,
  CONSULT,
  EMERGENCY,
  horizontalOverflow,
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
 * Which screens of a walk are worth checking: the intro, the first question of each section, the first scale and
 * tick-list question, the review and the result. Returns the screen's name, or null to pass it by.
 */
function screenNamer(prefix: string) {
  const seenSections = new Set<string>();
  const seenTypes = new Set<string>();
  return (s: Screen): string | null => {
    // The walks below all end in a self-care result; the other urgencies have tests of their own.
    if (s.kind === 'result') return `${prefix}result-self-care`;
    if (s.kind !== 'question') return `${prefix}${s.kind}`;
    const { question } = s;
    if (question.type !== 'single' && !seenTypes.has(question.type)) {
      seenTypes.add(question.type);
      seenSections.add(question.section);
      return `${prefix}question-${question.type}-${question.id}`;
    }
    if (!seenSections.has(question.section)) {
      seenSections.add(question.section);
      return `${prefix}question-${question.section}`;
    }
    return null;
  };
}

async function walkAndCheck(
  tp: TestPage,
  check: CheckPage,
  plan: Plan,
  prefix: string,
  narrow = true,
): Promise<{ issues: string[]; checked: string[] }> {
  const issues: string[] = [];
  const checked: string[] = [];
  const name = screenNamer(prefix);
  await check.toResult(plan, async (s) => {
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

    const walk = await walkAndCheck(tp, check, CALM, '');
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel['self-care']);
    // Every section and every question type was seen, so no screen kind went unchecked.
    const sectionOf = (name: string) => rules.questions.find((q) => name.endsWith(`-${q.id}`))?.section ?? name.replace('question-', '');
    expect(new Set(walk.checked.filter((n) => n.startsWith('question-')).map(sectionOf))).toEqual(new Set(rules.sections.map((x) => x.id)));
    expect(walk.checked).toEqual(expect.arrayContaining(['review', 'result-self-care', expect.stringMatching(/^question-scale-/), expect.stringMatching(/^question-multi-/)]));
    expect([...issues, ...walk.issues]).toEqual([]);
  });

  it.each([
    ['emergency', EMERGENCY, 'emergency'],
    ['urgent', URGENT, 'urgent'],
    ['consult', CONSULT, 'consult'],
    ['out-of-scope', OUT_OF_SCOPE, 'consult'],
  ] as const)('the %s result', async (name, plan, urgency) => {
    const tp = await suite.open();
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    const s = await check.toResult(plan);
    expect(s.kind).toBe('result');
    expect(await check.urgencyLabel()).toBe(check.t.urgencyLabel[urgency]);
    if (name === 'out-of-scope') {
      const exit = rules.scopeExits.find((e) => e.id === 'under_16');
      expect(await tp.page.locator('main').textContent()).toContain(check.say(exit!.message));
    }
    expect(await checkScreen(tp, `result-${name}`)).toEqual([]);
  });

  it('the resume offer after a reload', async () => {
    const tp = await suite.open();
    const check = new CheckPage(tp.page, rules);
    await check.goto(suite.url);
    await check.answerUntil(CALM, (s) => s.kind === 'question' && s.question.id === 'rf_chest_pain');
    await tp.page.reload();
    await tp.page.getByRole('heading', { level: 1, name: check.t.resumeTitle }).waitFor();
    expect(await checkScreen(tp, 'resume-offer')).toEqual([]);
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
