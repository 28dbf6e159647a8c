import { isRec, rec, str, strMap, type Rec } from '../model/read';

function stringMatch(v: unknown): string {
  const m = rec(v);
  if (str(m.exact) !== undefined) return `= ${str(m.exact)}`;
  if (str(m.prefix) !== undefined) return `^ ${str(m.prefix)}`;
  if (str(m.regex) !== undefined) return `~ ${str(m.regex)}`;
  return 'present';
}

function mapMatch(label: string, v: unknown): string[] {
  return Object.entries(rec(v)).map(([k, m]) => `${label} ${k} ${stringMatch(m)}`);
}

/** One short line for one match block (all its conditions must hold). */
export function summariseMatch(m: Rec): string {
  const parts: string[] = [];
  for (const key of ['uri', 'scheme', 'method', 'authority'] as const) {
    if (isRec(m[key])) parts.push(`${key} ${stringMatch(m[key])}`);
  }
  parts.push(
    ...mapMatch('header', m.headers),
    ...mapMatch('query', m.queryParams),
    ...mapMatch('!header', m.withoutHeaders),
  );
  if (m.port !== undefined) parts.push(`port ${str(m.port) ?? ''}`);
  if (isRec(m.sourceLabels)) {
    const l = strMap(m.sourceLabels);
    parts.push(
      `from ${Object.entries(l)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')}`,
    );
  }
  if (str(m.sourceNamespace)) parts.push(`from ns ${str(m.sourceNamespace)}`);
  if (Array.isArray(m.sniHosts)) parts.push(`sni ${m.sniHosts.map(String).join(',')}`);
  if (Array.isArray(m.destinationSubnets)) parts.push(`dst ${m.destinationSubnets.map(String).join(',')}`);
  if (Array.isArray(m.gateways)) parts.push(`via ${m.gateways.map(String).join(',')}`);
  return parts.length ? parts.join(' & ') : 'any';
}

/** Summary of a route's match list: blocks are alternatives. */
export function summariseMatches(matches: Rec[]): string {
  if (matches.length === 0) return 'default';
  return matches.map(summariseMatch).join(' | ');
}
