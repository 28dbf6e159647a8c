import type { SimRequest } from './types';

/** Headers parsed from the panel's textarea, with the lines that could not be read. */
export interface ParsedHeaders {
  headers: Record<string, string>;
  /** 1-based line numbers and reasons, e.g. `line 2: expected "name: value"`. */
  errors: string[];
}

// RFC 7230 token characters, plus a leading colon for pseudo-headers such as `:authority`.
const HEADER_NAME = /^:?[!#$%&'*+.^_`|~0-9a-z-]+$/;

/**
 * Parses one `name: value` per line (blank lines and `#` comments skipped). Names are lower-cased as HTTP/2
 * sends them; a repeated name joins its values with `,` as Envoy does. Never throws.
 */
export function parseHeaders(text: string): ParsedHeaders {
  const headers: Record<string, string> = {};
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const colon = t.indexOf(':', t.startsWith(':') ? 1 : 0);
    const name = (colon < 0 ? t : t.slice(0, colon)).trim().toLowerCase();
    if (colon < 0 || !HEADER_NAME.test(name)) {
      errors.push(`line ${i + 1}: expected "name: value", got "${t}"`);
      return;
    }
    const value = t.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  });
  return { headers, errors };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Parses a query string (`a=1&b`, with or without the leading `?`); the first value of a name wins. */
export function parseQuery(qs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of qs.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    if (!(name in out)) out[name] = eq < 0 ? '' : decode(part.slice(eq + 1));
  }
  return out;
}

/** Splits `/path?query` into the path Envoy matches `uri` on and the parsed query. */
export function splitPath(pathWithQuery: string): { path: string; query: Record<string, string> } {
  const q = pathWithQuery.indexOf('?');
  const raw = q < 0 ? pathWithQuery : pathWithQuery.slice(0, q);
  const path = raw === '' ? '/' : raw.startsWith('/') ? raw : `/${raw}`;
  return { path, query: q < 0 ? {} : parseQuery(pathWithQuery.slice(q + 1)) };
}

/**
 * A complete request from what the panel filled in: GET http `/` over the mesh from `default` unless told.
 * A query string in `path` is split off and merged under `query`.
 */
export function createRequest(partial: Partial<SimRequest> & { host: string }): SimRequest {
  const { path, query } = splitPath(partial.path ?? '/');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(partial.headers ?? {})) headers[k.toLowerCase()] = v;
  return {
    host: partial.host.trim(),
    port: partial.port,
    path,
    method: (partial.method ?? 'GET').trim().toUpperCase() || 'GET',
    scheme: (partial.scheme ?? 'http').trim().toLowerCase() || 'http',
    authority: partial.authority,
    headers,
    query: { ...query, ...partial.query },
    sourceLabels: partial.sourceLabels ?? {},
    sourceNamespace: partial.sourceNamespace?.trim() || 'default',
    gateway: partial.gateway?.trim() || 'mesh',
    protocol: partial.protocol ?? 'http',
    sniHost: partial.sniHost,
  };
}

/** Parses `app=productpage, version=v1` (or one per line) into labels; malformed parts are skipped. */
export function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[,\n]/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const k = part.slice(0, eq).trim();
    if (k !== '') out[k] = part.slice(eq + 1).trim();
  }
  return out;
}
