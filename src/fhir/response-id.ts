// The random id a shared QuestionnaireResponse carries as its `identifier` (src/fhir/response.ts), so that a
// follow-up's response can point back at it. Made on the device, new for every result shown; it says nothing about
// the person, and it is kept with an accepted follow-up only when the clinic receives answers (`share-answers`):
// without sharing nothing can refer to it. Apart from the FHIR mapping: the check makes it, the sharing code uses it.

/**
 * A random UUID (v4) from the browser's cryptographic generator. randomUUID only exists on https pages and
 * localhost, so a page on plain http gets the same form from getRandomValues.
 */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What a kept response id must look like: anything else in storage is damaged or not ours. */
export function isRandomId(value: unknown): value is string {
  return typeof value === 'string' && /^[\da-f-]{36}$/.test(value);
}
