import type { CST } from 'yaml';

// Inside `[ ]` and `{ }`, YAML 1.2 ends a plain scalar at a `:` followed by `,` `]` or `}`, so `[001:db8::]`
// holds the one-pair map {"001:db8:": null}. go-yaml v2 (kubectl's reader) ends a plain scalar only at a `:`
// followed by a space, tab, line break or the end (scannerc.go, yaml_parser_scan_plain_scalar), so the same
// text is the string "001:db8::". These are the characters that end such a scalar in both readers.
const FLOW_END = new Set([',', ']', '}']);

type Item = CST.CollectionItem;

/** `key` is a plain scalar and `sep` is just the `:` right after it (no space, comment or line break between). */
function bareColon(
  key: CST.Token | null | undefined,
  sep: CST.SourceToken[] | undefined,
): number | undefined {
  if (key?.type !== 'scalar' || sep?.length !== 1) return undefined;
  const colon = sep[0];
  if (colon?.type !== 'map-value-ind' || colon.offset !== key.offset + key.source.length) return undefined;
  return colon.offset;
}

/** No value, or the empty scalar the parser puts right after a `:` that a comma follows. */
function noValue(value: CST.Token | undefined, at: number): boolean {
  return value === undefined || (value.type === 'scalar' && value.source === '' && value.offset === at);
}

function plainWithColon(key: CST.FlowScalar): CST.FlowScalar {
  return { type: 'scalar', offset: key.offset, indent: key.indent, source: `${key.source}:`, end: [] };
}

/** `x:` that go-yaml reads as the scalar "x:", as an item key (`[x:]`) or a block map in a value (`{k: x:}`). */
function joinItem(item: Item, text: string, inMap: boolean): void {
  if (item.start.some((t) => t.type === 'explicit-key-ind')) return;
  const colon = bareColon(item.key, item.sep);
  if (colon !== undefined && item.key?.type === 'scalar' && noValue(item.value, colon + 1)) {
    if (!FLOW_END.has(text.charAt(colon + 1))) return;
    // In `{a:, b: c}` the scalar is a key without a value; in `[a:, b]` an item.
    const scalar = plainWithColon(item.key);
    delete item.value;
    if (inMap) {
      // The parser's own shape for a key without `:` (`{a, b: c}`): an empty separator.
      item.key = scalar;
      item.sep = [];
    } else {
      delete item.sep;
      delete item.key;
      item.value = scalar;
    }
    return;
  }
  const v = item.value;
  if (v?.type !== 'block-map' || v.items.length !== 1) return;
  const inner = v.items[0];
  if (!inner || inner.start.length > 0) return;
  const c = bareColon(inner.key, inner.sep);
  if (c === undefined || inner.key?.type !== 'scalar' || !noValue(inner.value, c + 1)) return;
  if (FLOW_END.has(text.charAt(c + 1))) item.value = plainWithColon(inner.key);
}

function walk(token: CST.Token | null | undefined, text: string): void {
  if (!token) return;
  switch (token.type) {
    case 'document':
      walk(token.value, text);
      return;
    case 'block-map':
    case 'block-seq':
      for (const item of token.items) {
        walk(item.key, text);
        walk(item.value, text);
      }
      return;
    case 'flow-collection':
      for (const item of token.items) {
        joinItem(item, text, token.start.source === '{');
        walk(item.key, text);
        walk(item.value, text);
      }
      return;
    default:
      return;
  }
}

/**
 * Rewrites the parser's tokens where go-yaml v2 reads a plain scalar ending in `:` inside a flow collection
 * (`[1.2.3.4, 001:db8::]`, `[a:, b]`, `{k: v:}`) so the composed value is kubectl's: the string with its colon.
 * Offsets and the source text are untouched, so ranges stay right. `text` is what the tokens were parsed from.
 */
export function joinFlowColons(token: CST.Token, text: string): void {
  walk(token, text);
}
