// The clinical content's fingerprint, and whether a sign-off still matches it.
//
// What the hash covers: the file's data as the YAML parser reads it (YAML 1.2 core schema: every mapping, list,
// string and number), without `meta.signoff`. It is written as canonical JSON (object keys sorted by UTF-16 code
// unit, no whitespace, numbers and strings as JSON.stringify writes them: RFC 8785 for this data) and hashed with
// SHA-256. So the hash does not change with comments, blank lines, quoting style, key order, flow or block style,
// or where the sign-off block sits in the file; it changes with any value the app reads, wherever it is. It is
// defined on the file's data, not on this program's schema (defaults like an option's `kind` are not filled in),
// so a later version of backcheck computes the same hash for the same file and anyone can recompute it.
// Runs in Node (CLI, Vite plugin) and in the browser (the review page), hence no node:crypto.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Signoff } from './schema.ts';

export const HASH_PREFIX = 'sha256:';

/** JSON with object keys sorted, no whitespace: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // undefined never occurs in parsed YAML; treat it like JSON does inside arrays.
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The data with `meta.signoff` left out (a copy; the input is not changed). */
export function withoutSignoff(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const file = data as Record<string, unknown>;
  const meta = file.meta;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return data;
  const { signoff: _signoff, ...rest } = meta as Record<string, unknown>;
  return { ...file, meta: rest };
}

/** `sha256:<64 hex digits>` of the clinical content of a parsed rules file. */
export function contentHash(data: unknown): string {
  return `${HASH_PREFIX}${bytesToHex(sha256(utf8ToBytes(canonicalJson(withoutSignoff(data)))))}`;
}

/** The first 12 hex digits, enough to tell versions apart in a message. */
export function shortHash(hash: string): string {
  return hash.slice(0, HASH_PREFIX.length + 12);
}

export type SignoffStatus =
  /** No sign-off block. */
  | { state: 'unsigned'; contentHash: string }
  /** Signed off, and the content is exactly what was signed. */
  | { state: 'signed'; contentHash: string; by: string; on: string }
  /** Signed off once, but the content has changed since: the sign-off no longer applies. */
  | { state: 'stale'; contentHash: string; by: string; on: string; signedHash: string };

/** Whether the sign-off recorded in the file (if any) matches the file's content. */
export function signoffStatus(data: unknown, signoff: Signoff | undefined): SignoffStatus {
  const hash = contentHash(data);
  if (!signoff) return { state: 'unsigned', contentHash: hash };
  if (signoff.contentHash === hash) return { state: 'signed', contentHash: hash, by: signoff.by, on: signoff.on };
  return { state: 'stale', contentHash: hash, by: signoff.by, on: signoff.on, signedHash: signoff.contentHash };
}
