// axe-core in real Chromium against WCAG 2.2 AA. No rule is disabled: a violation is either fixed in the UI or
// argued in the report, never silenced here.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** The violations on the page as readable lines: rule, impact, what it means, and up to three offending nodes. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_22_AA_TAGS]).analyze();
  return results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 3)
      .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`);
    const more = v.nodes.length > 3 ? `\n      ... and ${v.nodes.length - 3} more` : '';
    return `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${nodes.join('\n')}${more}`;
  });
}

/** Throws with every violation listed, naming the screen, so one failure says everything that is wrong. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe found ${violations.length} WCAG 2.2 AA violation(s) on ${screen}:\n  ${violations.join('\n  ')}`);
  }
}
