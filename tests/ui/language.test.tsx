import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateLocaleFor, formatDate, pickLocale, plural } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/messages.en.ts';
import { es } from '../../src/i18n/messages.es.ts';
import type { Rules } from '../../src/rules/schema.ts';
import { miniRules } from '../helpers.ts';
import { renderCheck } from './helpers.tsx';

afterEach(() => vi.restoreAllMocks());

/** The mini rules with a Spanish text for the first question only: the rest must fall back to English. */
function partlySpanishRules(): Rules {
  const rules = structuredClone(miniRules());
  rules.questions[0]!.text = { en: 'Big warning sign?', es: '¿Señal de alarma grave?' };
  return rules;
}

describe('languages', () => {
  it('follows the browser language when no locale is given', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['es-MX', 'en']);
    renderCheck({ rules: miniRules(), locale: undefined });
    expect(screen.getByRole('button', { name: 'Empezar' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('switches every UI string to Spanish, and rule texts where the rules have them', async () => {
    const changes: string[] = [];
    const { user, container } = renderCheck({ rules: partlySpanishRules(), onLocaleChange: (l) => changes.push(l) });
    expect(container.querySelector('.backcheck')).toHaveAttribute('lang', 'en');
    await user.click(screen.getByRole('button', { name: 'Español' }));
    expect(changes).toEqual(['es']);
    expect(container.querySelector('.backcheck')).toHaveAttribute('lang', 'es');
    expect(screen.getByText(/^Se suele tardar (unos \d+ minutos|entre \d+ y \d+ minutos)\.$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Empezar' }));
    expect(screen.getByRole('heading', { level: 1, name: '¿Señal de alarma grave?' })).toHaveFocus();
    expect(screen.getByText('Paso 1 de 6')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continuar' }));
    expect(screen.getByRole('heading', { name: 'Hay un problema' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Elige una respuesta' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'No' }));
    await user.click(screen.getByRole('button', { name: 'Continuar' }));
    // No Spanish text in the rules for this question yet: English, never a blank.
    expect(screen.getByRole('heading', { level: 1, name: 'Small warning sign?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Atrás' }));
    expect(screen.getByRole('heading', { level: 1, name: '¿Señal de alarma grave?' })).toBeInTheDocument();
    // Switching back mid-question keeps the place and the answer.
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Big warning sign?' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'No' })).toBeChecked();
  });

  it('shows the result page in Spanish', async () => {
    const { user } = renderCheck({ rules: miniRules(), locale: 'es' });
    await user.click(screen.getByRole('button', { name: 'Empezar' }));
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Continuar' }));
    expect(screen.getByText('Resultado: Emergencia')).toBeInTheDocument();
    // An emergency says what to do now, with no "when to see a professional" heading under it.
    expect(screen.queryByRole('heading', { name: 'Cuándo ver a un profesional' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Llévate este resumen' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Borrar mis respuestas' })).toBeInTheDocument();
  });

  it('picks a locale from browser tags and formats plurals with Intl', () => {
    expect(pickLocale(['es-ES'])).toBe('es');
    expect(pickLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLocale(['de'])).toBe('en');
    expect(plural('en', 1, en.reviewAnswered)).toBe('You answered 1 page of questions.');
    expect(plural('en', 1200, en.reviewAnswered)).toBe('You answered 1,200 pages of questions.');
    expect(plural('es', 1, es.reviewAnswered)).toBe('Has respondido 1 página de preguntas.');
    expect(plural('es', 12, es.reviewAnswered)).toBe('Has respondido 12 páginas de preguntas.');
  });

  it("writes dates for a region: the host's, else the browser's own tag in the chosen language", () => {
    expect(dateLocaleFor('en', 'AU', ['en-US'])).toBe('en-AU');
    expect(dateLocaleFor('es', 'MX', [])).toBe('es-MX');
    expect(dateLocaleFor('en', undefined, ['fr-FR', 'en-GB', 'en-US'])).toBe('en-GB');
    expect(dateLocaleFor('es', undefined, ['en-GB'])).toBe('es');
    const day = new Date('2026-05-03T10:00:00Z');
    expect(formatDate(dateLocaleFor('en', 'GB', []), day)).toBe('3 May 2026');
    expect(formatDate(dateLocaleFor('en', 'US', []), day)).toBe('May 3, 2026');
  });

  it('has a Spanish word for every English UI string', () => {
    // The type system already refuses a missing key; this guards against an untranslated copy-paste.
    const same = Object.keys(en).filter((k) => {
      const key = k as keyof typeof en;
      // "Error:" and "No:" are the same words in both languages.
      return typeof en[key] === 'string' && en[key] === es[key] && key !== 'errorPrefix' && key !== 'reviewNoLabel';
    });
    expect(same).toEqual([]);
  });
});
