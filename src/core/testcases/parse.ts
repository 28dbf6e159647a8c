import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { arr, isRec, num, rec, str, strMap, type Rec } from '../model/read';
import { parseStatus } from './expectation-text';
import { parseSource } from './source';
import { parseShares } from './shares';
import type { CaseFileError, Expectation, TestCase, TheirExpectation } from './types';

export interface ParsedCases {
  cases: TestCase[];
  errors: CaseFileError[];
}

const THEIR_KEYS = ['redirect', 'rewrite', 'fault', 'headers', 'delegate'] as const;

function list(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return arr(v).flatMap((x) => (str(x) !== undefined ? [str(x) as string] : []));
}

/** Where a key of a case sits (1-based line and column), else where the case does. */
function at(
  item: unknown,
  key: string,
  lines: LineCounter,
  fallback: number,
): { line: number; column: number } {
  if (isMap(item)) {
    const pair = item.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    const start = (pair?.key as Node | undefined)?.range?.[0];
    if (start !== undefined) {
      const pos = lines.linePos(start);
      return { line: pos.line, column: pos.col };
    }
  }
  const pos = lines.linePos(fallback);
  return { line: pos.line, column: pos.col };
}

function readCase(
  raw: Rec,
  file: string,
  line: number,
  fail: (key: string, message: string) => void,
): TestCase {
  const req = rec(raw.request);
  const their: TheirExpectation = {};
  if (Array.isArray(raw.route)) their.route = raw.route;
  // Their first format (still in old copies of their examples): one `destination`, and `isMatch`, which its
  // examples leave out where the request must match.
  const legacy = !Array.isArray(raw.route) && isRec(raw.destination);
  if (legacy) their.route = [{ destination: raw.destination }];
  const wantMatch = raw.wantMatch ?? raw.isMatch ?? (legacy ? true : undefined);
  for (const k of THEIR_KEYS) if (isRec(raw[k])) their[k] = raw[k];
  const ours: Expectation = {};
  if (raw.shares !== undefined) {
    const { shares, error } = parseShares(raw.shares);
    if (error) fail('shares', error);
    else ours.shares = shares;
  }
  if (raw.clusters !== undefined) ours.clusters = list(raw.clusters);
  if (raw.status !== undefined) {
    const status = parseStatus(raw.status);
    if (status === undefined)
      fail('status', `status: expected an HTTP status or routed, redirect, direct-response, no-match`);
    else ours.status = status;
  }
  // Ours, accepted beside `request` or inside it (where older files of ours put them).
  const port = num(raw.port ?? req.port);
  const source = parseSource(raw.source, req);
  if (source.error) fail(raw.source !== undefined ? 'source' : 'request', source.error);
  const theirs = Object.keys(their).length > 0;
  // A case that states nothing to compare would pass whatever the mesh does.
  const stated = ['shares', 'clusters', 'status'].some((k) => raw[k] !== undefined);
  if (!theirs && !stated && !source.error)
    fail(
      'request',
      'this case states no expectation: add route (or destination), redirect, rewrite, fault, headers, delegate, or shares, clusters, status',
    );
  return {
    description: str(raw.description) ?? `case at line ${line}`,
    file,
    line,
    wantMatch: wantMatch === undefined ? !theirs : wantMatch === true || wantMatch === 'true',
    their,
    ours,
    request: {
      authority: list(req.authority),
      method: list(req.method),
      uri: list(req.uri),
      headers: strMap(req.headers),
      port: port !== undefined && Number.isInteger(port) && port > 0 ? port : undefined,
      query: strMap(raw.query ?? req.query),
      source: source.source,
    },
  };
}

/** True when a text holds test cases (a document with a top-level `testCases`) rather than manifests. */
export function isTestCaseText(text: string): boolean {
  return /^testCases\s*:/m.test(text) || /"testCases"\s*:/.test(text);
}

/**
 * Reads the test cases of one file (YAML or JSON, several documents). Documents without `testCases` are skipped,
 * so a folder of cases and manifests reads as istio-config-validator reads it. Never throws: a syntax error or a
 * value of ours that cannot be read is an error at its line; the cases that could be read are kept.
 */
export function parseTestCases(file: string, text: string): ParsedCases {
  const cases: TestCase[] = [];
  const errors: CaseFileError[] = [];
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines });
  if (!Array.isArray(docs)) return { cases, errors };
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const pos = lines.linePos(err.pos[0]);
      errors.push({ line: pos.line, column: pos.col, message: err.message.split('\n')[0] ?? err.message });
      continue;
    }
    let js: unknown;
    try {
      js = doc.toJS();
    } catch (e) {
      // An alias bomb: `yaml` stops at its alias limit.
      errors.push({ line: 1, column: 1, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const values = arr(rec(js).testCases);
    const node = doc.get('testCases', true);
    const items = isSeq(node) ? node.items : [];
    values.forEach((value, i) => {
      const item = items[i];
      const start = (item as { range?: [number, number] } | undefined)?.range?.[0] ?? 0;
      if (!isRec(value)) {
        errors.push({ ...at(undefined, '', lines, start), message: 'a test case must be a map' });
        return;
      }
      const fail = (key: string, message: string) => errors.push({ ...at(item, key, lines, start), message });
      cases.push(readCase(value, file, lines.linePos(start).line, fail));
    });
  }
  return { cases, errors };
}
