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
        emergencyNumber: null,
        locale: null,
        region: null,
        theme: 'auto',
        brand: { accent: null, darkAccent: null, text: null, background: null, radius: null, font: null },
        allowedOrigins: [],
        shareAnswers: false,
        saveProgress: false,
        browserHistory: false,
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
      'browser-history': 'BROWSER-HISTORY',
    });
    expect(problems).toEqual([]);
    // The name is kept as text (rendered as text, never as HTML).
    expect(options).toMatchObject({ clinicName: 'Riverside <b>Physio</b>', locale: 'es', theme: 'dark', shareAnswers: true, saveProgress: true, browserHistory: true });
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

  it('accepts a list of exact origins for allowed-origin, never a wildcard or a path', () => {
    expect(parse({ 'allowed-origin': 'https://clinic.example' }).options.allowedOrigins).toEqual(['https://clinic.example']);
    expect(parse({ 'allowed-origin': 'https://clinic.example/' }).options.allowedOrigins).toEqual(['https://clinic.example']);
    // Staging and live, www and bare, separated by spaces or commas.
    const list = parse({ 'allowed-origin': 'https://www.clinic.example, https://clinic.example  https://staging.clinic.example:8443' });
    expect(list.options.allowedOrigins).toEqual(['https://www.clinic.example', 'https://clinic.example', 'https://staging.clinic.example:8443']);
    expect(list.problems).toEqual([]);
    for (const bad of ['*', 'https://*.clinic.example', 'https://clinic.example/page', 'javascript:alert(1)', 'clinic.example']) {
      const { options, problems } = parse({ 'allowed-origin': bad });
      expect(options.allowedOrigins, bad).toEqual([]);
      expect(problems.map((p) => p.option)).toEqual(['allowed-origin']);
      expect(problems[0]?.message, bad).toContain(`"${bad}"`);
    }
    expect(parse({ 'allowed-origin': '*' }).problems[0]?.message).toMatch(/wildcard: list each origin exactly/);
    // A bad entry is dropped, the good ones kept.
    const mixed = parse({ 'allowed-origin': 'https://clinic.example https://clinic.example/book' });
    expect(mixed.options.allowedOrigins).toEqual(['https://clinic.example']);
    expect(mixed.problems).toHaveLength(1);
  });

  it('reads words a clinic chooses from without regard to case', () => {
    const { options, problems } = parse({ theme: 'Light', locale: 'EN-gb', 'share-answers': 'TRUE', font: 'GEORGIA' });
    expect(problems).toEqual([]);
    expect(options).toMatchObject({ theme: 'light', locale: 'en', region: 'GB', shareAnswers: true });
    expect(options.brand.font).toMatch(/^Georgia,/);
  });

  it.each([
    ['en-AU', 'en', 'AU'],
    ['en-GB', 'en', 'GB'],
    ['es-MX', 'es', 'MX'],
    ['es_419', 'es', '419'],
    ['es', 'es', null],
  ])('takes the regional locale %s: words in %s, dates for region %s', (locale, language, region) => {
    const { options, problems } = parse({ locale });
    expect(problems).toEqual([]);
    expect(options.locale).toBe(language);
    expect(options.region).toBe(region);
  });

  it('refuses a language the check does not speak, naming the ones it does', () => {
    const { options, problems } = parse({ locale: 'fr-FR' });
    expect(options.locale).toBeNull();
    expect(problems[0]?.message).toMatch(/speaks en and es \(with any region, e\.g\. en-AU or es-MX\)/);
    expect(parse({ locale: 'not a tag!' }).problems[0]?.message).toMatch(/is not a language tag/);
  });

  it('takes an emergency number of digits only', () => {
    expect(parse({ 'emergency-number': '000' }).options.emergencyNumber).toBe('000');
    expect(parse({ 'emergency-number': ' 112 ' }).options.emergencyNumber).toBe('112');
    for (const bad of ['0', '+61 000', '911; alert(1)', 'tel:999', '1234567']) {
      const { options, problems } = parse({ 'emergency-number': bad });
      expect(options.emergencyNumber, bad).toBeNull();
      expect(problems.map((p) => p.option)).toEqual(['emergency-number']);
    }
  });

  it('takes brand colours as hex (with or without #, short or long) and refuses anything else', () => {
    const { options, problems } = parse({
      'accent-color': '#0A6E4F',
      'dark-accent-color': '7fd1b9',
      'text-color': '#222',
      'background-color': 'fdfbf7',
      radius: '12px',
      font: 'system-ui',
    });
    expect(problems).toEqual([]);
    expect(options.brand).toEqual({
      accent: '#0a6e4f',
      darkAccent: '#7fd1b9',
      text: '#222222',
      background: '#fdfbf7',
      radius: 12,
      font: expect.stringMatching(/^system-ui,/),
    });
    for (const bad of ['red', 'rgb(0,0,0)', '#12345', 'url(x)', '#0a6e4f;background:url(x)']) {
      const { options: o, problems: p } = parse({ 'accent-color': bad });
      expect(o.brand.accent, bad).toBeNull();
      expect(p[0]?.message, bad).toMatch(/must be a hex colour such as #0a6e4f \(in an address, write # as %23/);
    }
  });

  it('takes a radius of 0 to 32 pixels and a font from the safe list only', () => {
    expect(parse({ radius: '0' }).options.brand.radius).toBe(0);
    for (const bad of ['33', '-1', '1em', '12px; color: red']) expect(parse({ radius: bad }).problems.map((p) => p.option), bad).toEqual(['radius']);
    expect(parse({ font: 'inherit' }).options.brand.font).toBe('inherit');
    expect(parse({ font: 'Trebuchet  MS' }).options.brand.font).toMatch(/^'Trebuchet MS'/);
    const { options, problems } = parse({ font: "Comic Sans'; } body { display: none" });
    expect(options.brand.font).toBeNull();
    expect(problems[0]?.message).toMatch(/must be one of system, .* or inherit/);
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
