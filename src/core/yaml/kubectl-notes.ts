import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { readCore, readKubectl, type ScalarReading } from './kubectl-scalars';

/**
 * A plain scalar that kubectl reads as something else than a YAML 1.2 reader (and the person, most likely)
 * does: `yes` (boolean true, not the text), `0777` (511, not 777), `1_000` (1000, not the text). Plain data, so
 * a parse worker can send it back with the document's problems.
 */
export interface KubectlNote {
  /** Path of the value, or of the pair whose key this is, as the parsed value's keys read (`on:` is `true`). */
  path: (string | number)[];
  /** True when the scalar is a map key. */
  key: boolean;
  /** The scalar exactly as written. */
  source: string;
  kubectl: ScalarReading;
  seems: ScalarReading;
}

// Only scalars starting with one of these can read differently (booleans y/n/on/off, numbers): a cheap gate
// before the two readings are compared for every plain scalar of a big paste.
const MAYBE = /^[yYnNoO0-9+\-.]/;

function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  return String(key);
}

type Found = { note: KubectlNote; range: [number, number] };

function check(node: unknown, path: (string | number)[], key: boolean, out: Found[]): void {
  if (!isScalar(node)) return;
  const source = node.source;
  if (node.type !== 'PLAIN' || node.tag !== undefined || typeof source !== 'string') return;
  if (!MAYBE.test(source) || !node.range) return;
  const kubectl = readKubectl(source);
  const seems = readCore(source);
  if (Object.is(kubectl.value, seems.value)) return;
  out.push({ note: { path: [...path], key, source, kubectl, seems }, range: [node.range[0], node.range[1]] });
}

// A hand-rolled walk, not `visit`: it runs on every document of a big paste and builds a path only for a find.
function walk(node: unknown, path: (string | number)[], out: Found[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      path.push(keyText(pair.key));
      check(pair.key, path, true, out);
      walk(pair.value, path, out);
      path.pop();
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      path.push(i);
      walk(item, path, out);
      path.pop();
    });
  } else check(node, path, false, out);
}

/** Every plain, untagged scalar of a parsed document that kubectl reads differently, with its range. */
export function kubectlNotes(ast: Document.Parsed): Found[] {
  const out: Found[] = [];
  walk(ast.contents, [], out);
  return out;
}

function numberKind(source: string): string {
  const s = source.replace(/^[-+]/, '');
  if (/^0[0-7_]+$/.test(s)) return 'the octal number';
  if (/^0[bB]/.test(s)) return 'the binary number';
  if (/^0[xX]/.test(s)) return 'the hexadecimal number';
  if (/^0[oO]/.test(s)) return 'the octal number';
  return 'the number';
}

/** `kubectl reads \`yes\` as the boolean true, not the text "yes"`: what the value is to kubectl, in words. */
export function kubectlReads(note: KubectlNote): string {
  const { kubectl: k, seems, source } = note;
  const what = note.key ? `the key \`${source}\`` : `\`${source}\``;
  const as =
    k.kind === 'bool'
      ? `the boolean ${String(k.value)}`
      : k.kind === 'int' || k.kind === 'float'
        ? `${numberKind(source)} ${String(k.value)}`
        : k.kind === 'null'
          ? 'null'
          : `the text ${JSON.stringify(k.value)}`;
  const not = seems.kind === 'str' ? `the text ${JSON.stringify(seems.value)}` : String(seems.value);
  return `kubectl reads ${what} as ${as} (YAML 1.1), not ${not}`;
}
