// Text: every Text has each language the file declares, and no notes-to-self are left in clinician-facing fields.
// (Empty and placeholder person-facing texts are already refused by the schema; the sign-off is checked against the
// content in signoff-check.ts.)
import type { Rules } from '../rules/schema.ts';
import { LOCALES } from '../rules/text.ts';
import type { Finding } from './finding.ts';

const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum|^\?+$/;

function isText(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes('en') && keys.every((k) => (LOCALES as readonly string[]).includes(k));
}

export function textFindings(rules: Rules): Finding[] {
  const findings: Finding[] = [];
  const wanted = rules.meta.locales;
  const walk = (value: unknown, path: (string | number)[]) => {
    if (isText(value)) {
      for (const locale of wanted) {
        if (value[locale] === undefined) {
          findings.push({ severity: 'error', check: 'text', path, message: `missing "${locale}" translation (meta.locales lists ${wanted.join(', ')})` });
        }
      }
      return;
    }
    if (typeof value === 'string') {
      if (PLACEHOLDER.test(value)) findings.push({ severity: 'warning', check: 'text', path, message: `looks like a placeholder: "${value}"` });
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(rules, []);
  // A rule that sets an urgency cites what it rests on: a clinician reviewing it, or signing it off, reads the
  // rationale against its source (the schema leaves `source` optional for advice wording and follow-up steps).
  for (const [list, rulesOf] of [['redFlags', rules.redFlags], ['consultSigns', rules.consultSigns], ['scopeExits', rules.scopeExits]] as const) {
    rulesOf.forEach((rule, i) => {
      if (!rule.source) {
        findings.push({ severity: 'error', check: 'text', path: [list, i, 'id'], message: `"${rule.id}" sets an urgency but has no source: name the guideline or study it rests on (source: "...")` });
      }
    });
  }
  return findings;
}
