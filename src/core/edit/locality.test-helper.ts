// Locality of an edit op, checked against the texts before and after rather than against the op's own
// arithmetic (`text` is `applyEdits(before, edits)` by construction, so comparing those two proves nothing):
// every edit lies inside a document the intent names, and every resource the intent does not name comes out
// of the re-parsed result with the same value and the same source bytes.
import { isDeepStrictEqual } from 'node:util';
import { buildModel } from '../model/build-model';
import type { MeshModel, ResourceBase } from '../model/types';
import { blockRangeAt, type YamlPath } from '../yaml/locate';
import { parseText, type ParsedText } from '../yaml/parse';
import type { EditIntent, TextEdit } from './intents';

/** What an intent may touch. */
interface Scope {
  named(r: ResourceBase): boolean;
  /** Documents of the named resources (or the document a path-level intent names). */
  docs: Set<number>;
  addsDoc: boolean;
  deletesDoc: boolean;
}

const modelOf = (p: ParsedText): MeshModel =>
  buildModel(p.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: d.broken })));

// A rename that follows references may touch every resource that mentions the old name; that is coarse,
// but an op writing into a resource that never mentioned it is still caught.
const mentions = (r: ResourceBase, word: string) => JSON.stringify(r.raw).includes(word);

const related = (a: YamlPath, b: YamlPath) => a.every((k, i) => i >= b.length || b[i] === k);

function scopeOf(i: EditIntent, model: MeshModel): Scope {
  let named: (r: ResourceBase) => boolean;
  const extra: number[] = [];
  switch (i.type) {
    case 'addResource':
    case 'createDestinationRule':
      named = () => false;
      break;
    case 'addSubset':
    case 'addSubsetForDeployment':
    case 'setTrafficPolicy':
      named = (r) => r.ref === i.drRef;
      break;
    case 'renameSubset':
      named = (r) =>
        r.ref === i.drRef || (i.updateReferences && r.kind === 'VirtualService' && mentions(r, i.from));
      break;
    case 'renameHost':
      named = (r) => r.ref === i.ref || (i.updateReferences && mentions(r, i.from.split('.')[0] ?? ''));
      break;
    case 'deleteResource':
    case 'setWorkloadLabels':
    case 'matchWorkloadSelector':
      named = (r) => r.ref === i.ref;
      break;
    case 'setValue':
    case 'deletePath':
      named = (r) => r.docIndex === i.docIndex && related(r.basePath, i.path);
      extra.push(i.docIndex);
      break;
    default:
      named = (r) => r.ref === i.vsRef;
  }
  const docs = new Set([...model.resources.filter(named).map((r) => r.docIndex), ...extra]);
  return {
    named,
    docs,
    addsDoc: i.type === 'addResource' || i.type === 'createDestinationRule',
    deletesDoc: i.type === 'deleteResource',
  };
}

/** The `---` line a document starts with, which deleting the document before it may take along. */
function markerLength(parsed: ParsedText, index: number): number {
  const next = parsed.docs[index + 1];
  if (!next?.text.startsWith('---')) return 0;
  const nl = next.text.indexOf('\n');
  return nl < 0 ? next.text.length : nl + 1;
}

function placementProblems(parsed: ParsedText, scope: Scope, edits: readonly TextEdit[]): string[] {
  const out: string[] = [];
  for (const e of edits) {
    const inside = parsed.docs.some(
      (d) =>
        scope.docs.has(d.index) &&
        d.start <= e.start &&
        e.end <= d.end + (scope.deletesDoc ? markerLength(parsed, d.index) : 0),
    );
    const between =
      scope.addsDoc &&
      e.start === e.end &&
      (e.start === parsed.text.length || parsed.docs.some((d) => d.start === e.start));
    if (!inside && !between) {
      out.push(`edit [${e.start}, ${e.end}) ${JSON.stringify(e.text)} lies outside the named documents`);
    }
  }
  return out;
}

/** Each resource's value and source text, in text order. */
function resourcesOf(parsed: ParsedText, model: MeshModel, skip: (r: ResourceBase) => boolean) {
  return model.resources
    .flatMap((r) => {
      const doc = parsed.docs[r.docIndex];
      const range = doc && !skip(r) ? blockRangeAt(doc, r.basePath) : undefined;
      return range ? [{ r, start: range[0], text: parsed.text.slice(...range) }] : [];
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * What breaks locality in an op's result, as readable lines (empty when it is local): edits outside the
 * documents the intent names (ops that add a document may also insert at a document boundary or the end),
 * resources the intent does not name whose value or source text changed or that disappeared (they must
 * come back in the same order), and new documents from an op that adds none.
 */
export function localityProblems(
  before: string,
  intent: EditIntent,
  result: { edits: readonly TextEdit[]; text: string },
): string[] {
  const parsed = parseText(before);
  const model = modelOf(parsed);
  const scope = scopeOf(intent, model);
  const out = placementProblems(parsed, scope, result.edits);
  const after = parseText(result.text);
  if (!scope.addsDoc && after.docs.length > parsed.docs.length) {
    out.push(`${after.docs.length - parsed.docs.length} new document(s) from an op that adds none`);
  }
  // Matched by value and text in order, not by offset or ref: an edit trimmed to what changed may start
  // inside a neighbour's identical bytes, and a ref can follow other documents (an inferred namespace).
  const kept = resourcesOf(after, modelOf(after), () => false);
  let k = 0;
  for (const { r, text } of resourcesOf(parsed, model, scope.named)) {
    const found = kept.findIndex((a, j) => j >= k && a.text === text && isDeepStrictEqual(a.r.raw, r.raw));
    if (found < 0) out.push(`${r.ref} (not named) changed its value or text, or is gone`);
    else k = found + 1;
  }
  return out;
}
