// From a field path (as zod and the linter report it) to a line and column in the YAML source, so every problem
// can be shown as file:line:column and an editor can jump to it.
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';

export type FieldPath = readonly (string | number)[];

export interface SourcePosition {
  line: number;
  column: number;
}

export type Locate = (path: FieldPath, options?: { unknownKeys?: readonly string[] }) => SourcePosition;

/** A locator for one parsed document. A path that does not exist points at its deepest existing parent. */
export function createLocator(doc: Document, lineCounter: LineCounter): Locate {
  return (path, options) => {
    const { line, col } = lineCounter.linePos(nodeOffset(doc, path, options?.unknownKeys));
    return { line, column: col };
  };
}

function nodeOffset(doc: Document, path: FieldPath, unknownKeys?: readonly string[]): number {
  if (unknownKeys && unknownKeys.length > 0) {
    // Point at the offending key itself, not at the map that holds it.
    const parent = doc.getIn(path, true);
    if (isMap(parent)) {
      for (const item of parent.items) {
        const key = item.key;
        if (isNode(key) && unknownKeys.includes(String(key.toJSON())) && key.range) return key.range[0];
      }
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    const node = doc.getIn(prefix, true);
    if (isNode(node) && node.range) return keyOffset(doc, prefix) ?? node.range[0];
  }
  return 0;
}

/** For a field inside a map, the position of its key reads better than the value's (`when:` rather than `{`). */
function keyOffset(doc: Document, path: FieldPath): number | undefined {
  const last = path.at(-1);
  if (typeof last !== 'string') return undefined;
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  for (const item of parent.items) {
    if (isNode(item.key) && item.key.toJSON() === last && item.key.range) return item.key.range[0];
  }
  return undefined;
}

/** A YAML source parsed for checking: the document, a locator into it, and its syntax problems at line and column. */
export interface ParsedSource {
  doc: Document;
  locate: Locate;
  /** Syntax problems (and duplicate keys), each with its error code. */
  errors: { code: string; line: number; column: number; offset: number; message: string }[];
}

/** Parses YAML the way every loader does: positions kept, duplicate keys refused, one-line messages. */
export function parseSource(text: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return { code: e.code, line, column: col, offset: e.pos[0], message: e.message.split('\n')[0] ?? e.message };
  });
  return { doc, locate: createLocator(doc, lineCounter), errors };
}
