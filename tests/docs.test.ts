// The integrator's guide stays true to the code: every option documented, the analytics ids exactly those of the
// rules file (with the urgency each one gives), and no CSP example that lets any site frame the widget.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../src/build/version.ts';
import { FRAME_ONLY_TYPES, WIDGET_EVENT_TYPES } from '../src/embed/messages.ts';
import { OPTION_NAMES } from '../src/embed/options.ts';
import { mainRules, ROOT } from './helpers.ts';

const guide = readFileSync(`${ROOT}docs/embedding.md`, 'utf8');
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const rules = mainRules();

/** The backticked ids in the bullet of the analytics mapping that starts with `label`. */
function listed(label: string): string[] {
  const start = guide.indexOf(`- ${label}`);
  expect(start, `docs/embedding.md has a bullet "${label}"`).toBeGreaterThan(0);
  const ends = [guide.indexOf('\n- ', start + 2), guide.indexOf('\n\n', start)].filter((i) => i > 0);
  const bullet = guide.slice(start, Math.min(...ends)).split(':').slice(1).join(':');
  return [...bullet.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1] as string);
}

describe('docs/embedding.md and README', () => {
  it('document every option, in the guide and in the README', () => {
    // A table row that starts with the option's name (alone or with others of its kind).
    const row = (text: string, name: string) => text.split('\n').some((line) => new RegExp(`^\\| (\`[a-z-]+\`, )*\`${name}\``).test(line));
    for (const name of OPTION_NAMES) {
      expect(row(guide, name), `docs/embedding.md documents ${name}`).toBe(true);
      expect(row(readme, name), `README documents ${name}`).toBe(true);
    }
  });

  it('document every event the widget sends, in the guide and in the README', () => {
    for (const name of WIDGET_EVENT_TYPES.filter((t) => !FRAME_ONLY_TYPES.includes(t))) {
      const row = new RegExp(`^\\| \`${name}\` \\|`, 'm');
      expect(guide, `docs/embedding.md documents ${name}`).toMatch(row);
      expect(readme, `README documents ${name}`).toMatch(row);
    }
  });

  it("list exactly the rules' section, cause and warning-sign ids, each under the urgency it gives", () => {
    expect(listed('**Section ids**').sort()).toEqual(rules.sections.map((s) => s.id).sort());
    expect(listed('**Cause ids**').sort()).toEqual(rules.causes.map((c) => c.id).sort());
    const byLevel = (level: string) => rules.redFlags.filter((f) => f.level === level).map((f) => f.id).sort();
    expect(listed('**Warning-sign ids**').sort()).toEqual(byLevel('emergency'));
    expect(listed('Warning-sign ids that make it **urgent**').sort()).toEqual(byLevel('urgent'));
    expect(guide).toContain(`For rules version ${rules.meta.version} they are`);
  });

  it('never show a policy that lets any site frame the widget', () => {
    // Every frame-ancestors with a * is the warning against it.
    const starred = [...guide.matchAll(/.{0,12}frame-ancestors[^;\n"|*]*\*/g)].map((m) => m[0]);
    expect(starred.length).toBeGreaterThan(0);
    for (const found of starred) expect(found).toMatch(/never `frame-ancestors \*$/);
    expect(guide).toMatch(/frame-ancestors https:\/\/riverside-physio\.example https:\/\/www\.riverside-physio\.example/);
    expect(readFileSync(`${ROOT}deploy/nginx/backcheck.conf`, 'utf8')).not.toMatch(/frame-ancestors[^;\n"]*\*/);
  });

  it("show the current product version in every example, so a clinic's copy-paste pins the release it has", () => {
    const version = packageVersion();
    for (const [name, text] of [['docs/embedding.md', guide], ['README', readme]] as const) {
      const shown = [...text.matchAll(/backcheck-(\d+\.\d+\.\d+)\b|backcheck(?:-host)?\.js (\d+\.\d+\.\d+)/g)].map((m) => m[1] ?? m[2]);
      expect(shown.length, name).toBeGreaterThan(3);
      expect(new Set(shown), name).toEqual(new Set([version]));
    }
  });
});
