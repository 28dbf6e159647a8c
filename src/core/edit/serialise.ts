import { isScalar, isSeq, visit, stringify, type Document, type ToStringOptions } from 'yaml';
import { KUBECTL_SCHEMA } from '../yaml/kubectl-scalars';

// Strings are quoted wherever kubectl would read the plain scalar as something else: `compat` makes the
// library quote a string that any of kubectl's own scalar tags (core/yaml/kubectl-scalars.ts: YAML 1.1
// booleans `on`/`n`, Go's numbers `0777`, `1_000`, `0x1F`, `0o17`) would claim, on top of YAML 1.1's own set.
// No anchors: a value used twice (labels and matchLabels) is written out twice, because `&a1`/`*a1` in a
// manifest confuses people and later edits of one place would silently change the other.
// lineWidth 0 never folds long values.
const OPTIONS = {
  version: '1.1',
  compat: KUBECTL_SCHEMA.tags,
  aliasDuplicateObjects: false,
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
} as const satisfies ToStringOptions & Record<string, unknown>;

/** The column of an absolute offset: characters since the last newline (a leading BOM takes no column). */
export function columnOf(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - start - (start === 0 && text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0);
}

/**
 * Serialises a value to place at a column: the first line goes where the cursor is, later lines are indented
 * by `col`. Block sequences inside maps follow `indentSeq`, the style the document already uses.
 */
export function toYaml(value: unknown, col: number, indentSeq: boolean): string {
  const out = stringify(value, { ...OPTIONS, indentSeq }).replace(/\n$/, '');
  const pad = ' '.repeat(col);
  return out
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/** A value in flow style on one line, for flow collections written by hand (`[a, b]`, `{ a: 1 }`). */
export function toFlowYaml(value: unknown): string {
  return stringify(value, { ...OPTIONS, collectionStyle: 'flow' }).replace(/\n$/, '');
}

/** True when the value serialises as a block collection (a non-empty map or list). */
export function isBlockValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/**
 * Whether the document indents block sequences under their key (`hosts:\n  - a`) or not (`hosts:\n- a`).
 * The first block sequence under a map key decides; kubectl's style (not indented) is the default.
 */
export function detectIndentSeq(ast: Document.Parsed, text: string): boolean {
  let found: boolean | undefined;
  visit(ast, {
    Pair(_key, pair) {
      if (found !== undefined) return visit.BREAK;
      const k = pair.key;
      const v = pair.value;
      if (!isSeq(v) || v.flow || !v.range || !isScalar(k)) return undefined;
      const keyStart = k.range?.[0];
      if (keyStart === undefined) return undefined;
      found = columnOf(text, v.range[0]) > columnOf(text, keyStart);
      return visit.BREAK;
    },
  });
  return found ?? false;
}

/** How new text goes into a flow collection: JSON or YAML flow, and the layout around the insertion point. */
export interface FlowStyle {
  json: boolean;
  jsonIndent: number;
  /** The collection's entries sit on their own lines: a JSON value may span lines too. */
  multiline: boolean;
  /** `{ a: 1 }` rather than `{a: 1}`, as the edited collection is written. */
  padded: boolean;
}

/**
 * A value written for a flow context (inside `[...]`/`{...}` or JSON): JSON in a JSON document (spread over
 * lines with the document's indent when the collection is), else YAML flow on one line. Later lines are
 * indented by `col`.
 */
export function flowText(value: unknown, style: FlowStyle, col: number): string {
  if (style.json) {
    const out = JSON.stringify(value, null, style.multiline ? style.jsonIndent : 0) ?? 'null';
    const pad = ' '.repeat(col);
    return out
      .split('\n')
      .map((line, i) => (i === 0 ? line : pad + line))
      .join('\n');
  }
  if (typeof value !== 'object' || value === null) {
    // Inside a flow collection a plain scalar may not hold `,[]{}`: let the library quote it as an item.
    const item = stringify([value], { ...OPTIONS, collectionStyle: 'flow', flowCollectionPadding: false });
    return item.replace(/\n$/, '').slice(1, -1);
  }
  return stringify(value, {
    ...OPTIONS,
    collectionStyle: 'flow',
    flowCollectionPadding: style.padded,
  }).replace(/\n$/, '');
}

/** A map key for a flow context: double-quoted in JSON, plain (or quoted when it must be) in YAML. */
export function flowKey(key: string, style: FlowStyle): string {
  return style.json ? JSON.stringify(key) : flowText(key, style, 0);
}
