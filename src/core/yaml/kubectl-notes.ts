import { isPair, isScalar, isSeq, visit, type Document, type Scalar } from 'yaml';
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

function pathOf(ancestors: readonly unknown[], node: Scalar): { path: (string | number)[]; key: boolean } {
  const path: (string | number)[] = [];
  let key = false;
  for (let i = 1; i < ancestors.length; i++) {
    const parent = ancestors[i];
    const child = ancestors[i + 1] ?? node;
    if (isSeq(parent)) path.push(parent.items.indexOf(child as never));
    else if (isPair(parent)) {
      path.push(keyText(parent.key));
      if (child === parent.key) key = true;
    }
  }
  return { path, key };
}

/** Every plain, untagged scalar of a parsed document that kubectl reads differently, with its range. */
export function kubectlNotes(ast: Document.Parsed): { note: KubectlNote; range: [number, number] }[] {
  const out: { note: KubectlNote; range: [number, number] }[] = [];
  visit(ast, {
    Scalar(_key, node, ancestors) {
      const source = node.source;
      if (node.type !== 'PLAIN' || node.tag !== undefined || typeof source !== 'string') return;
      if (!MAYBE.test(source) || !node.range) return;
      const kubectl = readKubectl(source);
      const seems = readCore(source);
      if (Object.is(kubectl.value, seems.value)) return;
      out.push({
        note: { ...pathOf(ancestors, node), source, kubectl, seems },
        range: [node.range[0], node.range[1]],
      });
    },
  });
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
