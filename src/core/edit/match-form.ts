import { rec } from '../model/read';
import { httpMatch, type MatchForm } from '../policy/http-match';
import { formatStringMatch, parseStringMatch, type StringMatchForm } from '../policy/string-match';

// The inspector's match form edits part of the one HTTP match model (core/policy/http-match.ts) that the
// route-feature form uses too, so both read and write a match the same way.

export type StringMatch = StringMatchForm;
export type StringMatchKind = StringMatchForm['kind'];

/** The keys of an Istio HTTPMatchRequest the match form owns; other fields (gateways, port...) are left alone. */
export const MATCH_KEYS = ['uri', 'method', 'headers', 'queryParams'] as const;
type MatchKey = (typeof MATCH_KEYS)[number];

/** The match fields the inspector edits. */
export type MatchCondition = Pick<MatchForm, MatchKey>;

/** Reads one Istio match (`{ uri: { prefix: /api } }`) into the form's shape; never throws. */
export function readMatch(raw: unknown): MatchCondition {
  const { uri, method, headers, queryParams } = httpMatch.read(raw);
  const out: MatchCondition = {};
  if (uri) out.uri = uri;
  if (method) out.method = method;
  if (headers) out.headers = headers;
  if (queryParams) out.queryParams = queryParams;
  return out;
}

/**
 * The YAML value of each owned key for a condition; `undefined` means the key is absent. Given the match it
 * replaces, values the form did not change keep their exact YAML and entries it cannot read (a header written
 * as a bare string) stay.
 */
export function matchFields(c: MatchCondition, previous?: unknown): Record<MatchKey, unknown> {
  const { uri, method, headers, queryParams } = c;
  const form: MatchForm = { ...httpMatch.read(previous), uri, method, headers, queryParams };
  const written = rec(httpMatch.write(form, previous));
  return {
    uri: written.uri,
    method: written.method,
    headers: written.headers,
    queryParams: written.queryParams,
  };
}

/** Headers or query parameters as text, one `name: match` a line (`name:` alone: present). */
export function formatMatchMap(m: Record<string, StringMatch> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}: ${formatStringMatch(v)}`.trimEnd())
    .join('\n');
}

/** Reads {@link formatMatchMap}'s text; lines without a name are skipped, nothing left is undefined. */
export function parseMatchMap(text: string): Record<string, StringMatch> | undefined {
  const out: Record<string, StringMatch> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    const name = line.slice(0, i).trim();
    if (i <= 0 || name === '') continue;
    out[name] = parseStringMatch(line.slice(i + 1));
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
