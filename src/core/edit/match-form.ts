import { rec, str } from '../model/read';

export type StringMatchKind = 'exact' | 'prefix' | 'regex';

export interface StringMatch {
  kind: StringMatchKind;
  value: string;
}

/** The match fields the inspector edits; other fields of a match (gateways, port...) are left alone. */
export interface MatchCondition {
  uri?: StringMatch;
  method?: StringMatch;
  headers?: Record<string, StringMatch>;
  queryParams?: Record<string, StringMatch>;
}

/** The keys of an Istio HTTPMatchRequest that a MatchCondition owns. */
export const MATCH_KEYS = ['uri', 'method', 'headers', 'queryParams'] as const;

const KINDS: readonly StringMatchKind[] = ['exact', 'prefix', 'regex'];

function readString(v: unknown): StringMatch | undefined {
  const r = rec(v);
  for (const kind of KINDS) {
    const value = str(r[kind]);
    if (value !== undefined) return { kind, value };
  }
  return undefined;
}

function readMap(v: unknown): Record<string, StringMatch> | undefined {
  const out: Record<string, StringMatch> = {};
  for (const [k, m] of Object.entries(rec(v))) {
    const s = readString(m);
    if (s) out[k] = s;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Reads one Istio match (`{ uri: { prefix: /api } }`) into the form's shape. */
export function readMatch(raw: unknown): MatchCondition {
  const r = rec(raw);
  const out: MatchCondition = {};
  const uri = readString(r.uri);
  const method = readString(r.method);
  const headers = readMap(r.headers);
  const queryParams = readMap(r.queryParams);
  if (uri) out.uri = uri;
  if (method) out.method = method;
  if (headers) out.headers = headers;
  if (queryParams) out.queryParams = queryParams;
  return out;
}

const write = (m: StringMatch): Record<string, string> => ({ [m.kind]: m.value });

function writeMap(
  m: Record<string, StringMatch> | undefined,
): Record<string, Record<string, string>> | undefined {
  if (!m || Object.keys(m).length === 0) return undefined;
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, write(v)]));
}

/** The YAML value of each owned key for a condition; `undefined` means the key is absent. */
export function matchFields(c: MatchCondition): Record<(typeof MATCH_KEYS)[number], unknown> {
  return {
    uri: c.uri && write(c.uri),
    method: c.method && write(c.method),
    headers: writeMap(c.headers),
    queryParams: writeMap(c.queryParams),
  };
}
