// Edits to a rules file, made on its data the way a clinician would edit the YAML, for the governance tests: they
// find their targets by what the rules say (the first urgent red flag, ...), so they work on any rules file.
import { parse } from 'yaml';
import type { RulesData } from './edit-rules.ts';

/** The file with its first urgent red flag turned into a consult sign (the same id and condition). */
export function lowerFirstUrgentFlag(text: string): { data: RulesData; flag: string } {
  const data = parse(text) as RulesData;
  const index = data.redFlags.findIndex((r) => r.level === 'urgent');
  const [flag] = data.redFlags.splice(index, 1);
  if (!flag) throw new Error('no urgent red flag to lower');
  data.consultSigns.push({ ...flag, level: 'consult' });
  data.meta.version = '9.9.9';
  return { data, flag: String(flag.id) };
}
