// From a field path (as zod and the linter report it) to a line and column in the YAML source, so every problem
// can be shown as file:line:column and an editor can jump to it.
//
// Two parsers, on purpose. A well-formed file (every file, nearly every time) is read by js-yaml's event parser:
// about 80 ms for the 340 kB rules file against 300-400 ms for the `yaml` library's document model, which was a third
// of rules:check, the command a clinician runs after each edit. Its events carry source offsets, from which the
// locator is built when a finding first needs a line. A file js-yaml refuses (a syntax error, a duplicate key) is
// read again by `yaml`, which reports every problem with its own code and keeps going after a duplicate key.
// Both read YAML 1.2's core schema; tests hold that they give the same data and the same positions on every YAML
// file in the repository, and that no broken file passes one and not the other.
import { constructFromEvents, CORE_SCHEMA, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, YAMLException, type Event } from 'js-yaml';
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

/** A YAML source parsed for checking: its data, a locator into it, and its syntax problems at line and column. */
export interface ParsedSource {
  /** The document's data as plain values (null for an empty file). */
  data: unknown;
  locate: Locate;
  /** Syntax problems (and duplicate keys), each with its error code. */
  errors: { code: string; line: number; column: number; offset: number; message: string }[];
}

/** Parses YAML the way every loader does: positions kept, duplicate keys refused, one-line messages. */
export function parseSource(text: string): ParsedSource {
  const fast = readWellFormed(text);
  if ('data' in fast) return fast;
  // Anything js-yaml refuses is read as before by `yaml`, whose reading decides. Where `yaml` finds no syntax error
  // but cannot give the data (an alias with no anchor), js-yaml's reason and place are the better report.
  const thorough = parseReportingProblems(text);
  if (!thorough.errors.some((e) => e.code === UNREADABLE)) return thorough;
  const { line, column, offset, message } = fast.refused;
  return { ...thorough, errors: [{ code: UNREADABLE, line, column, offset, message }] };
}

/** The code of the problem a document with no syntax error but no data has (an alias with no anchor). */
const UNREADABLE = 'UNREADABLE';

/** The `yaml` library's reading, which reports every syntax problem: what `parseSource` falls back to. */
export function parseReportingProblems(text: string): ParsedSource {
  const lineCounter = new LineCounter();
  // logLevel: a map as a key is a schema problem reported with its line, not a warning on the terminal.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const errors = doc.errors.map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return { code: e.code, line, column: col, offset: e.pos[0], message: e.message.split('\n')[0] ?? e.message };
  });
  const locate = createLocator(doc, lineCounter);
  // A document with syntax errors has no data worth reading (the loaders stop at them); one with only a duplicate key
  // still has. An alias with no anchor is no syntax error to `yaml`, but its data cannot be read.
  if (errors.some((e) => e.code !== 'DUPLICATE_KEY')) return { data: null, locate, errors };
  try {
    return { data: doc.toJS(), locate, errors };
  } catch (error) {
    return { data: null, locate, errors: [{ code: UNREADABLE, line: 1, column: 1, offset: 0, message: error instanceof Error ? error.message : String(error) }] };
  }
}

/** js-yaml's reading of a single, well-formed document (duplicate keys refused), or null for anything else. */
export function parseWellFormed(text: string): ParsedSource | null {
  const read = readWellFormed(text);
  return 'data' in read ? read : null;
}

interface Refusal {
  refused: { line: number; column: number; offset: number; message: string };
}

function readWellFormed(text: string): ParsedSource | Refusal {
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, {});
    documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    const message = error instanceof YAMLException ? error.reason : String(error);
    return { refused: { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1, offset: mark?.position ?? 0, message } };
  }
  // An empty file, or several documents: `yaml` reads them as before. So is a null key (`: x`, `~: x`), which
  // js-yaml names "null" and `yaml` "".
  if (documents.length !== 1 || hasNullKey(text, events)) return { refused: { line: 1, column: 1, offset: 0, message: 'not one YAML document' } };
  // Anchors, aliases and tags (no rules file needs them): js-yaml takes `&a{...}`, which `yaml` refuses, so such a
  // file is read by `yaml`, whose verdict and positions stand.
  if (events.some(hasAnchorOrTag)) return { refused: { line: 1, column: 1, offset: 0, message: 'anchors, aliases or tags' } };
  let index: EventIndex | undefined;
  const lines = linesOf(text);
  const locate: Locate = (path, options) => {
    index ??= indexEvents(text, events);
    const { line, col } = lines.linePos(eventOffset(index, path, options?.unknownKeys));
    return { line, column: col };
  };
  return { data: documents[0] ?? null, locate, errors: [] };
}

/** js-yaml marks "no anchor" and "no tag" with this position. */
const NO_RANGE = -1;

function hasAnchorOrTag(event: Event): boolean {
  if (event.type === EVENT_ID.ALIAS) return true;
  return ('anchorStart' in event && event.anchorStart !== NO_RANGE) || ('tagStart' in event && event.tagStart !== NO_RANGE);
}

const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Whether some map has a plain scalar key that reads as null. One pass over the events, about a millisecond. */
function hasNullKey(text: string, events: readonly Event[]): boolean {
  // Per open collection: -1 for a sequence, else how many nodes of the map have been read (even: a key is due).
  const stack: number[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const depth = stack.length - 1;
    const read = depth >= 0 ? (stack[depth] as number) : -1;
    if (read >= 0) {
      if (read % 2 === 0 && event.type === EVENT_ID.SCALAR && event.style === SCALAR_STYLE.PLAIN) {
        if (NULL_WORDS.has(text.slice(event.valueStart, event.valueEnd))) return true;
      }
      stack[depth] = read + 1;
    }
    if (event.type === EVENT_ID.MAPPING) stack.push(0);
    else if (event.type === EVENT_ID.SEQUENCE) stack.push(-1);
  }
  return false;
}

/** Where each node of a document starts: by field path (joined with NUL), and for each map, where its keys are. */
interface EventIndex {
  start: Map<string, number>;
  keyStart: Map<string, number>;
  keys: Map<string, { name: string; start: number }[]>;
}

interface Frame {
  path: string;
  map: boolean;
  /** The next item's index (a sequence), or the key just read and where (a map; null while a key is due). */
  next: number;
  key: { name: string; start: number } | null;
  /** A collection used as a map key: nothing inside it has a field path. */
  inKey: boolean;
}

const SEP = '\u0000';
const joinPath = (path: FieldPath): string => path.join(SEP);

/**
 * Where a node's text begins, as the `yaml` library counts it (so both parsers point at the same column): a quoted
 * scalar at its opening quote, a block scalar at its `|` or `>`, anything else where its value begins.
 */
function nodeStart(text: string, event: Event): number {
  if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
  if (event.type === EVENT_ID.ALIAS) return event.anchorStart - 1;
  if (event.type !== EVENT_ID.SCALAR) return 0;
  if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) return event.valueStart - 1;
  if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
    const indicator = Math.max(text.lastIndexOf('|', event.valueStart), text.lastIndexOf('>', event.valueStart));
    return indicator >= 0 ? indicator : event.valueStart;
  }
  return event.valueStart;
}

function indexEvents(text: string, events: readonly Event[]): EventIndex {
  const index: EventIndex = { start: new Map(), keyStart: new Map(), keys: new Map() };
  const stack: Frame[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) continue;
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const parent = stack.at(-1);
    const collection = event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE;
    let path: string | null;
    if (!parent) path = '';
    else if (parent.inKey) path = null;
    else if (parent.map && parent.key === null) {
      // A key. Only a scalar key names a field; a collection as a key is walked past.
      const start = nodeStart(text, event);
      parent.key = { name: event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '', start };
      if (event.type === EVENT_ID.SCALAR) index.keys.get(parent.path)?.push(parent.key);
      if (collection) stack.push({ path: '', map: event.type === EVENT_ID.MAPPING, next: 0, key: null, inKey: true });
      continue;
    } else if (parent.map) {
      const key = parent.key as { name: string; start: number };
      path = parent.path === '' && stack.length === 1 ? key.name : `${parent.path}${SEP}${key.name}`;
      index.keyStart.set(path, key.start);
      parent.key = null;
    } else {
      path = parent.path === '' && stack.length === 1 ? String(parent.next) : `${parent.path}${SEP}${parent.next}`;
      parent.next++;
    }
    if (path !== null && !index.start.has(path)) index.start.set(path, nodeStart(text, event));
    if (path !== null && event.type === EVENT_ID.MAPPING) index.keys.set(path, []);
    if (collection) stack.push({ path: path ?? '', map: event.type === EVENT_ID.MAPPING, next: 0, key: null, inKey: path === null });
  }
  return index;
}

/** As `nodeOffset` reads the `yaml` document: the offending key, else the deepest existing node (its key first). */
function eventOffset(index: EventIndex, path: FieldPath, unknownKeys?: readonly string[]): number {
  if (unknownKeys && unknownKeys.length > 0) {
    const key = index.keys.get(joinPath(path))?.find((k) => unknownKeys.includes(k.name));
    if (key) return key.start;
  }
  for (let n = path.length; n >= 0; n--) {
    const at = joinPath(path.slice(0, n));
    const start = index.start.get(at);
    if (start !== undefined) return (typeof path[n - 1] === 'string' ? index.keyStart.get(at) : undefined) ?? start;
  }
  return 0;
}

/** The `yaml` library's line index over a text it did not parse: every line's first offset, as its parser records them. */
function linesOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}
