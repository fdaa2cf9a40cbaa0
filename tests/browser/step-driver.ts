// Answering one step of the check in a real page, as a person does with the pointer: the step is found by the
// form's `data-step`, each question by its `data-question`, each option by its value. Shared by the browser tests
// and the bench, so both drive the same screens the same way.
import type { Page } from 'playwright-core';
import type { Response, Step } from '../../src/engine/navigation.ts';
import { catalogues } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/rules/text.ts';

/** Waits for the step's form, sets the response's answers (only what has to change), and presses Continue. */
export async function respond(page: Page, step: Step, response: Response, locale: Locale = 'en'): Promise<void> {
  const form = page.locator(`form[data-step="${step.key}"]`);
  await form.waitFor();
  await setResponse(page, step, response);
  await form.getByRole('button', { name: catalogues[locale].continue, exact: true }).click();
}

/** Sets the response's answers on the step on screen, without continuing. */
export async function setResponse(page: Page, step: Step, response: Response): Promise<void> {
  const form = page.locator(`form[data-step="${step.key}"]`);
  const setInputs = async (scope: ReturnType<Page['locator']>, wanted: Set<string>, many: boolean) => {
    const inputs = await scope
      .locator('input')
      .evaluateAll((els) => els.map((e) => ({ value: (e as HTMLInputElement).value, checked: (e as HTMLInputElement).checked })));
    for (const v of wanted) if (!inputs.some((i) => i.value === v)) throw new Error(`${step.key}: no option "${v}" on screen`);
    for (const input of inputs) {
      if (input.checked === wanted.has(input.value)) continue;
      if (!many && !wanted.has(input.value)) continue;
      await scope.locator(`input[value="${input.value}"]`).click();
    }
  };
  if (response.kind === 'choice') return setInputs(form, new Set(response.choice ? [response.choice] : []), false);
  if (response.kind === 'ticked') return setInputs(form, new Set(response.questions), true);
  for (const q of step.questions) {
    const value = response.values[q.id];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    await setInputs(form.locator(`[data-question="${q.id}"]`), new Set(values), q.type === 'multi');
  }
}
