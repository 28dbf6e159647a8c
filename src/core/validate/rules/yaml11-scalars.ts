import type { Rec } from '../../model/read';
import type { ResourceBase } from '../../model/types';
import type { KubectlNote } from '../../yaml/kubectl-notes';
import { kubectlReads } from '../../yaml/kubectl-notes';
import { formatPath, type YamlPath } from '../../yaml/locate';
import type { ParsedDoc, YamlProblem } from '../../yaml/parse';
import { docsOf, type Rule } from '../context';
import { schemaFor } from '../schemas/index';
import { schemaIssues, type SchemaIssue } from '../schemas/validator';
import type { Diagnostic } from '../types';

type Noted = YamlProblem & { note: KubectlNote };

function notedOf(doc: ParsedDoc): Noted[] {
  return doc.problems.filter((p): p is Noted => p.note !== undefined);
}

function startsWith(path: YamlPath, prefix: YamlPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}

function samePath(a: YamlPath, b: YamlPath): boolean {
  return a.length === b.length && startsWith(a, b);
}

// Fields Kubernetes types as string maps or strings, beyond what our schemas cover: a boolean or number there
// makes `kubectl apply` fail ("cannot unmarshal bool into Go struct field ... of type string").
function stringField(kind: string | undefined, rel: YamlPath): boolean {
  const n = rel.length;
  const parent = rel[n - 2];
  if ((parent === 'labels' || parent === 'annotations') && rel[n - 3] === 'metadata') return true;
  if (parent === 'matchLabels') return true;
  if (rel[n - 1] === 'value' && rel[n - 3] === 'env') return true;
  if (n === 2 && kind === 'ConfigMap' && rel[0] === 'data') return true;
  if (n === 2 && kind === 'Secret' && rel[0] === 'stringData') return true;
  if (n === 3 && kind === 'Service' && rel[0] === 'spec' && rel[1] === 'selector') return true;
  return false;
}

// Only resources holding a note are validated here (rare), so this costs nothing on ordinary texts.
const memo = new WeakMap<Rec, SchemaIssue[]>();

function issuesOf(r: ResourceBase): SchemaIssue[] {
  const entry = schemaFor(r.apiVersion, r.kind);
  if (!entry) return [];
  let issues = memo.get(r.raw);
  if (!issues) {
    issues = schemaIssues(entry, r.raw);
    memo.set(r.raw, issues);
  }
  return issues;
}

/** Why kubectl's reading breaks the field, or undefined when the field takes it (a warning then). */
function breaks(r: ResourceBase | undefined, rel: YamlPath, note: KubectlNote): string | undefined {
  if (note.key) return undefined;
  const issue = r && issuesOf(r).find((i) => !i.onKey && samePath(i.path, rel));
  if (issue) return issue.message.replace(/\.$/, '');
  if (stringField(r?.kind, rel)) return `${formatPath(rel)} must be a string`;
  return undefined;
}

function messageOf(note: KubectlNote, broken: string | undefined): string {
  const reads = kubectlReads(note);
  const quoted = JSON.stringify(note.source);
  if (broken) return `${reads}; ${broken}, so kubectl apply rejects it. Quote it: ${quoted}.`;
  if (note.key)
    return `${reads}, so the key is ${JSON.stringify(String(note.path[note.path.length - 1]))}. To keep the text, quote it: ${quoted}.`;
  const k = note.kubectl;
  const number = k.kind === 'int' || k.kind === 'float';
  const write = number ? `; if you mean the number ${String(k.value)}, write ${String(k.value)}` : '';
  return `${reads}. If you mean the text, quote it: ${quoted}${write}.`;
}

/**
 * ITS0120: a plain scalar kubectl reads otherwise than it seems (`exact: yes` is the boolean true, `0777` is
 * 511). An error where the field needs what it seems and kubectl's reading breaks it (the schema check, which
 * uses kubectl's reading, finds the field wrong; or a Kubernetes string field), a warning otherwise. The fix
 * quotes the scalar, byte for byte.
 */
export const yaml11Scalars: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const owners = [...ctx.model.resources, ...ctx.model.others];
  for (const doc of docsOf(ctx)) {
    const noted = notedOf(doc);
    if (noted.length === 0) continue;
    const mine = owners.filter((r) => r.docIndex === doc.index && !r.stale);
    for (const p of noted) {
      const r = mine.find((o) => startsWith(p.note.path, o.basePath));
      const rel = r ? p.note.path.slice(r.basePath.length) : p.note.path;
      const broken = breaks(r, rel, p.note);
      out.push({
        code: 'ITS0120',
        severity: broken ? 'error' : 'warning',
        message: messageOf(p.note, broken),
        resource: r?.ref,
        path: formatPath(rel),
        range: [p.start, p.end],
        fixes: [
          {
            title: `Quote it: ${JSON.stringify(p.note.source)}`,
            edit: {
              start: p.start,
              end: p.end,
              text: JSON.stringify(p.note.source),
              replaces: p.note.source,
            },
          },
        ],
      });
    }
  }
  return out;
};

/**
 * True when a schema issue is the type error of a scalar kubectl reads otherwise: ITS0120 reports it, as an
 * error, with what kubectl read and the fix, so the schema check leaves it out rather than say it twice.
 */
export function saidByYaml11(doc: ParsedDoc, r: ResourceBase, issue: SchemaIssue): boolean {
  if (issue.onKey) return false;
  const full = [...r.basePath, ...issue.path];
  return notedOf(doc).some((p) => !p.note.key && samePath(p.note.path, full));
}
