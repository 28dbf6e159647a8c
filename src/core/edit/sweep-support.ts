// The corpus sweep's machinery (test-only): every file as written, with CRLF line ends, with a BOM and as a
// `kubectl get -o json` List; on each, the ops a canvas user runs on every resource they apply to, each checked
// for a clean re-parse, the intended change, and every byte outside the resources it may touch unchanged.
import { buildModel } from '../model/build-model';
import { isRec } from '../model/read';
import type { MeshModel, ResourceBase } from '../model/types';
import { nodeAt } from '../yaml/locate';
import { parseText, type ParsedText } from '../yaml/parse';
import { applyIntent } from './apply';
import type { EditIntent, TextEdit } from './intents';
import { applyEdits } from './session';

export type Variant = 'yaml' | 'crlf' | 'bom' | 'json-list';
export const VARIANTS: Variant[] = ['yaml', 'crlf', 'bom', 'json-list'];

const modelOf = (p: ParsedText): MeshModel =>
  buildModel(p.docs.map((d) => ({ docIndex: d.index, value: d.value, stale: d.broken })));

/** The objects `kubectl get -o json` would list for a text: every resource, List items flattened. */
function listItems(text: string): unknown[] {
  return parseText(text).docs.flatMap((d) => {
    const v = d.value;
    if (!isRec(v) || d.broken) return [];
    if (v.kind === 'List' && Array.isArray(v.items)) return v.items as unknown[];
    return typeof v.kind === 'string' ? [v] : [];
  });
}

/** A text in one of the sweep's variants, or undefined when the variant does not apply (no resources). */
export function variantOf(text: string, v: Variant): string | undefined {
  switch (v) {
    case 'yaml':
      return text;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'json-list': {
      const items = listItems(text);
      if (items.length === 0) return undefined;
      return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2)}\n`;
    }
  }
}

/** One op of the sweep: the intent, the resources it may touch, and a check on the model after it. */
export interface SweepOp {
  name: 'setWeights' | 'deleteResource' | 'renameSubset' | 'connectRoute' | 'addSubset';
  intent: EditIntent;
  touches: ResourceBase[];
  /** Says what is wrong with the model after the edit, or undefined. */
  check: (after: MeshModel) => string | undefined;
}

function newWeights(current: (number | undefined)[]): number[] {
  const w = current.map((x) => x ?? 0);
  const rotated = [...w.slice(1), ...w.slice(0, 1)];
  if (rotated.some((x, i) => x !== w[i]) && rotated.reduce((a, b) => a + b, 0) === 100) return rotated;
  // Equal shares (or weights not summing to 100): an uneven split that differs from every equal one.
  const out = w.map(() => Math.floor(100 / w.length));
  out[0] = (out[0] ?? 0) + 100 - out.reduce((a, b) => a + b, 0) + (w.length > 1 ? 1 : 0);
  if (w.length > 1) out[1] = (out[1] ?? 0) - 1;
  return out;
}

/** The ops of the sweep on one model. */
export function sweepOps(model: MeshModel): SweepOp[] {
  const ops: SweepOp[] = [];
  // A ref names the first resource that has it; a duplicate further down is not reachable by ref.
  const live = <T extends ResourceBase>(l: readonly T[]): T[] =>
    l.filter((r, i) => !r.stale && l.findIndex((x) => x.ref === r.ref) === i);
  for (const vs of live(model.virtualServices)) {
    for (const route of vs.routes.filter((r) => !r.delegate && r.destinations.length > 0)) {
      const at = { vsRef: vs.ref, protocol: route.protocol, routeIndex: route.index };
      const find = (m: MeshModel) =>
        m.virtualServices
          .find((v) => v.ref === vs.ref)
          ?.routes.find((x) => x.protocol === route.protocol && x.index === route.index);
      const current = route.destinations.map((d) => d.weight);
      if (route.destinations.length > 1 || current[0] !== undefined) {
        const weights = route.destinations.length > 1 ? newWeights(current) : [100];
        if (weights.some((w, i) => w !== current[i])) {
          ops.push({
            name: 'setWeights',
            intent: { type: 'setWeights', ...at, weights },
            touches: [vs],
            check: (m) => {
              const got = find(m)?.destinations.map((d) => d.weight);
              return JSON.stringify(got) === JSON.stringify(weights)
                ? undefined
                : `weights ${JSON.stringify(got)}, wanted ${JSON.stringify(weights)}`;
            },
          });
        }
      }
      ops.push({
        name: 'connectRoute',
        intent: { type: 'connectRoute', ...at, target: { host: 'sweep.example.com', subset: 'yes' } },
        touches: [vs],
        check: (m) => {
          const ds = find(m)?.destinations ?? [];
          const last = ds[ds.length - 1];
          if (ds.length !== route.destinations.length + 1) return `${ds.length} destinations after connect`;
          if (last?.host !== 'sweep.example.com' || last.subset !== 'yes')
            return 'new destination not read back';
          const sum = ds.reduce((s, d) => s + (d.weight ?? 0), 0);
          return sum === 100 ? undefined : `weights sum to ${sum}`;
        },
      });
    }
  }
  for (const dr of live(model.destinationRules)) {
    const find = (m: MeshModel) => m.destinationRules.find((d) => d.ref === dr.ref);
    ops.push({
      name: 'addSubset',
      intent: { type: 'addSubset', drRef: dr.ref, name: 'sweep', labels: { version: 'on', app: 'x y' } },
      touches: [dr],
      check: (m) => {
        const s = find(m)?.subsets.at(-1);
        return s?.name === 'sweep' && s.labels.version === 'on' && s.labels.app === 'x y'
          ? undefined
          : `last subset ${JSON.stringify(s)}`;
      },
    });
    for (const s of dr.subsets) {
      const to = `${s.name}-renamed`;
      const refs = live(model.virtualServices).filter((vs) =>
        vs.routes.some(
          (r) =>
            r.destinations.some((d) => d.fqdn === dr.fqdn && d.subset === s.name) ||
            (r.mirror?.fqdn === dr.fqdn && r.mirror.subset === s.name),
        ),
      );
      ops.push({
        name: 'renameSubset',
        intent: { type: 'renameSubset', drRef: dr.ref, from: s.name, to, updateReferences: true },
        touches: [dr, ...refs],
        check: (m) => {
          const names = find(m)?.subsets.map((x) => x.name) ?? [];
          if (!names.includes(to) || names.includes(s.name)) return `subsets ${names.join(',')}`;
          const left = m.virtualServices.filter((vs) =>
            vs.routes.some((r) => r.destinations.some((d) => d.fqdn === dr.fqdn && d.subset === s.name)),
          );
          return left.length === 0 ? undefined : `${left[0]?.ref} still routes to ${s.name}`;
        },
      });
    }
  }
  for (const r of live(model.resources)) {
    ops.push({
      name: 'deleteResource',
      intent: { type: 'deleteResource', ref: r.ref },
      touches: [r],
      check: (m) => {
        const same = m.resources.filter((x) => x.ref === r.ref).length;
        const before = model.resources.filter((x) => x.ref === r.ref).length;
        return same === before - 1 ? undefined : `${same} of ${r.ref} left (was ${before})`;
      },
    });
  }
  return ops;
}

/** The absolute range a resource's own text spans: its document, or its item's node in a List. */
function rangeOf(parsed: ParsedText, r: ResourceBase): [number, number] | undefined {
  const doc = parsed.docs[r.docIndex];
  if (!doc) return undefined;
  if (r.basePath.length === 0) return [doc.start, doc.end];
  const node = nodeAt(doc.ast, r.basePath);
  return node?.range ? [doc.start + node.range[0], doc.start + node.range[1]] : undefined;
}

/** Ranges of every resource in a text, except those listed: the bytes the op must not touch. */
function othersOf(
  parsed: ParsedText,
  model: MeshModel,
  touches: readonly ResourceBase[],
): [number, number][] {
  const out: [number, number][] = [];
  for (const r of model.resources) {
    if (touches.some((t) => t.ref === r.ref && t.docIndex === r.docIndex)) continue;
    const range = rangeOf(parsed, r);
    if (range) out.push(range);
  }
  return out;
}

/** Byte ranges outside every document that holds a touched resource (plus the text's end for appends). */
function touchedDocs(parsed: ParsedText, touches: readonly ResourceBase[]): [number, number][] {
  return touches.flatMap((t) => {
    const d = parsed.docs[t.docIndex];
    return d ? [[d.start, d.end] as [number, number]] : [];
  });
}

/** What the sweep found for one op. */
export type Outcome =
  { kind: 'applied' } | { kind: 'refused'; reason: string } | { kind: 'bad'; why: string };

const inside = (e: TextEdit, [s, t]: [number, number]): boolean => e.start >= s && e.end <= t;
const overlaps = (e: TextEdit, [s, t]: [number, number]): boolean =>
  e.start < t && e.end > s && !(e.start === e.end && (e.start === s || e.start === t));

/** Runs one op and checks it. */
export function runOp(text: string, variant: Variant, op: SweepOp): Outcome {
  const parsed = parseText(text);
  const model = modelOf(parsed);
  const r = applyIntent(parsed, model, op.intent);
  if (!r.ok) {
    if (r.reason.startsWith('internal')) return { kind: 'bad', why: `crash/guard: ${r.reason}` };
    return { kind: 'refused', reason: r.reason };
  }
  if (applyEdits(text, r.edits) !== r.text) return { kind: 'bad', why: 'edits do not give text' };
  if (r.edits.length === 0) return { kind: 'bad', why: 'no edit' };
  const after = parseText(r.text);
  const broken = after.docs.filter((d) => d.broken).length;
  if (broken > parsed.docs.filter((d) => d.broken).length)
    return { kind: 'bad', why: `does not parse: ${after.docs.find((d) => d.broken)?.problems[0]?.message}` };
  const wrong = op.check(modelOf(after));
  if (wrong) return { kind: 'bad', why: wrong };
  const docs = touchedDocs(parsed, op.touches);
  for (const e of r.edits) {
    if (!docs.some((d) => inside(e, d)))
      return { kind: 'bad', why: `edit ${e.start}-${e.end} outside its documents` };
    const hit = othersOf(parsed, model, op.touches).find((o) => overlaps(e, o));
    if (hit)
      return { kind: 'bad', why: `edit ${e.start}-${e.end} reaches another resource ${hit[0]}-${hit[1]}` };
  }
  if (variant === 'crlf' && /(^|[^\r])\n/.test(r.text))
    return { kind: 'bad', why: 'bare \\n in a CRLF text' };
  if (variant === 'bom' && !r.text.startsWith('\uFEFF')) return { kind: 'bad', why: 'BOM lost' };
  if (variant === 'json-list') {
    try {
      JSON.parse(r.text.replace(/^\uFEFF/, ''));
    } catch (err) {
      return { kind: 'bad', why: `no longer JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  return { kind: 'applied' };
}
