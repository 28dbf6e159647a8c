import { isSeq, LineCounter, parseAllDocuments } from 'yaml';
import { arr, isRec, rec, str, strMap, type Rec } from '../src/core/model/read';
import type { InputFile } from './combine';
import { InputError } from './inputs';

/** One request dimension list of a test case: every combination is one request (their `Unfold`). */
export interface CaseRequest {
  authority: string[];
  method: string[];
  uri: string[];
  headers: Record<string, string>;
  /** Ours: the gateway the request enters by (`ns/name`), else the mesh (or the VirtualService's gateway). */
  gateway: string | undefined;
  port: number | undefined;
  sourceNamespace: string | undefined;
  sourceLabels: Record<string, string>;
}

/**
 * A routing test case as getyourguide/istio-config-validator writes it (`testCases:` items: `description`,
 * `request`, `route`, `redirect`, `rewrite`, `fault`, `headers`, `delegate`, `wantMatch`), read as they are:
 * `wantMatch` missing is false, as Go's zero value.
 */
export interface TestCase {
  description: string;
  file: string;
  line: number;
  request: CaseRequest;
  wantMatch: boolean;
  /** The expectations the case states (each one compared with the matched rule). */
  expect: {
    route?: unknown[];
    redirect?: Rec;
    rewrite?: Rec;
    fault?: Rec;
    headers?: Rec;
    delegate?: Rec;
  };
}

function list(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return arr(v).flatMap((x) => (str(x) !== undefined ? [str(x) as string] : []));
}

function readCase(raw: Rec, file: string, line: number): TestCase {
  const req = rec(raw.request);
  const expect: TestCase['expect'] = {};
  if (Array.isArray(raw.route)) expect.route = raw.route;
  for (const k of ['redirect', 'rewrite', 'fault', 'headers', 'delegate'] as const) {
    if (isRec(raw[k])) expect[k] = raw[k];
  }
  const port = Number(req.port);
  return {
    description: str(raw.description) ?? `case at line ${line}`,
    file,
    line,
    wantMatch: raw.wantMatch === true || raw.wantMatch === 'true',
    expect,
    request: {
      authority: list(req.authority),
      method: list(req.method),
      uri: list(req.uri),
      headers: strMap(req.headers),
      gateway: str(req.gateway),
      port: Number.isInteger(port) && port > 0 ? port : undefined,
      sourceNamespace: str(req.sourceNamespace),
      sourceLabels: strMap(req.sourceLabels),
    },
  };
}

/** True when a file holds test cases (a document with a top-level `testCases`) rather than manifests. */
export function isTestFile(file: InputFile): boolean {
  return /^testCases\s*:/m.test(file.text) || /"testCases"\s*:/.test(file.text);
}

/**
 * Reads the test cases of files; documents without `testCases` are skipped (a folder of cases and manifests
 * reads as theirs does). A file that is no readable YAML is an InputError naming its file and line.
 */
export function readTestCases(files: readonly InputFile[]): TestCase[] {
  const out: TestCase[] = [];
  for (const f of files) {
    const lines = new LineCounter();
    const docs = parseAllDocuments(f.text, { lineCounter: lines });
    if (!Array.isArray(docs)) continue;
    for (const doc of docs) {
      const err = doc.errors[0];
      if (err) {
        const at = lines.linePos(err.pos[0]);
        throw new InputError(`${f.name}:${at.line}:${at.col}: ${err.message.split('\n')[0] ?? err.message}`);
      }
      const values = arr(rec(doc.toJS()).testCases);
      const node = doc.get('testCases', true);
      const items = isSeq(node) ? node.items : [];
      values.forEach((value, i) => {
        const range = (items[i] as { range?: [number, number] } | undefined)?.range;
        if (isRec(value)) out.push(readCase(value, f.name, lines.linePos(range?.[0] ?? 0).line));
      });
    }
  }
  return out;
}
