// A clinic's options are untrusted: each bad one is reported by name and replaced by a safe default.
import { describe, expect, it } from 'vitest';
import { describeOptionProblems, parseEmbedOptions, type OptionName } from '../../src/embed/options.ts';

const parse = (given: Partial<Record<OptionName, string>>) => parseEmbedOptions((name) => given[name] ?? null);

describe('embed options', () => {
  it('defaults to no clinic details, the browser language, auto theme, no sharing and no saving', () => {
    expect(parse({})).toEqual({
      options: {
        clinicName: null,
        contactUrl: null,
        bookingUrl: null,
        phone: null,
        locale: null,
        theme: 'auto',
        allowedOrigin: null,
        shareAnswers: false,
        saveProgress: false,
      },
      problems: [],
    });
  });

  it('takes valid clinic details as given', () => {
    const { options, problems } = parse({
      'clinic-name': 'Riverside <b>Physio</b>',
      'contact-url': 'https://clinic.example/contact',
      'booking-url': 'mailto:desk@clinic.example',
      phone: '+44 20 7946 0000',
      locale: 'es',
      theme: 'dark',
      'share-answers': '',
      'save-progress': 'true',
    });
    expect(problems).toEqual([]);
    // The name is kept as text (rendered as text, never as HTML).
    expect(options).toMatchObject({ clinicName: 'Riverside <b>Physio</b>', locale: 'es', theme: 'dark', shareAnswers: true, saveProgress: true });
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x'])(
    'rejects the link %j with one problem naming the option',
    (url) => {
      const { options, problems } = parse({ 'contact-url': url, 'booking-url': url });
      expect(options.contactUrl).toBeNull();
      expect(options.bookingUrl).toBeNull();
      expect(problems.map((p) => p.option)).toEqual(['contact-url', 'booking-url']);
    },
  );

  it('rejects an unknown locale and theme, falling back to the browser language and auto', () => {
    const { options, problems } = parse({ locale: 'fr', theme: 'purple' });
    expect(options.locale).toBeNull();
    expect(options.theme).toBe('auto');
    expect(problems.map((p) => p.option)).toEqual(['locale', 'theme']);
    expect(describeOptionProblems('<backcheck-widget>', problems.slice(1))).toMatch(/^<backcheck-widget>: "theme" must be one of light, dark, auto/);
  });

  it('accepts only a bare origin for allowed-origin, never a wildcard or a path', () => {
    expect(parse({ 'allowed-origin': 'https://clinic.example' }).options.allowedOrigin).toBe('https://clinic.example');
    expect(parse({ 'allowed-origin': 'https://clinic.example/' }).options.allowedOrigin).toBe('https://clinic.example');
    for (const bad of ['*', 'https://clinic.example/page', 'javascript:alert(1)', 'clinic.example']) {
      const { options, problems } = parse({ 'allowed-origin': bad });
      expect(options.allowedOrigin, bad).toBeNull();
      expect(problems.map((p) => p.option)).toEqual(['allowed-origin']);
    }
  });

  it('reads a yes/no option written oddly as no, and says so', () => {
    const { options, problems } = parse({ 'share-answers': 'yes please' });
    expect(options.shareAnswers).toBe(false);
    expect(problems.map((p) => p.option)).toEqual(['share-answers']);
  });

  it('ignores a phone number with letters or markup', () => {
    const { options, problems } = parse({ phone: '<img src=x onerror=alert(1)>' });
    expect(options.phone).toBeNull();
    expect(problems.map((p) => p.option)).toEqual(['phone']);
  });
});
