import type { EditIntent } from './intents';
import { arr, rec } from '../model/read';
import type { Route, VirtualService } from '../model/types';

// The inspector's port and SNI-hosts fields of a tcp/tls route, as edit intents (pure, so core tests reach it).

export type L4Field = 'port' | 'sniHosts';

/** The first match block's port and SNI hosts of a tcp/tls route, as the form shows them. */
export function readL4Match(route: Route): { port: string; sniHosts: string } {
  const first = rec(route.match[0]);
  return {
    port: first.port === undefined ? '' : String(first.port),
    sniHosts: arr(first.sniHosts).map(String).join(', '),
  };
}

/**
 * The edit for one field of a tcp/tls route's first match block: the field alone when the block exists,
 * else a new `match` list holding it; an empty value removes the field.
 */
export function l4MatchIntent(
  vs: VirtualService,
  route: Route,
  field: L4Field,
  text: string,
): EditIntent | string {
  const value =
    field === 'port'
      ? text.trim() === ''
        ? undefined
        : Number(text)
      : text
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean);
  if (typeof value === 'number' && !(Number.isInteger(value) && value > 0 && value < 65536)) {
    return `port must be a whole number from 1 to 65535, not "${text}"`;
  }
  const empty = value === undefined || (Array.isArray(value) && value.length === 0);
  const routePath = [...vs.basePath, 'spec', route.protocol, route.index];
  if (route.match.length === 0) {
    if (empty) return 'nothing to change';
    return {
      type: 'setValue',
      docIndex: vs.docIndex,
      path: [...routePath, 'match'],
      value: [{ [field]: value }],
    };
  }
  return {
    type: 'setValue',
    docIndex: vs.docIndex,
    path: [...routePath, 'match', 0, field],
    value: empty ? undefined : value,
  };
}
