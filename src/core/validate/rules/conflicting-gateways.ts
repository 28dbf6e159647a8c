import { nodeId } from '../../graph/ids';
import { selectorMatches } from '../../model/labels';
import { arr, rec, str } from '../../model/read';
import type { Gateway, GatewayServer } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { DEFAULT_INGRESS, gatewayName, selectorString } from './gateway-workloads';
import { cachedBy, cappedList, NAMES_SHOWN, report } from './util';

const bindOf = (gw: Gateway, s: GatewayServer): string =>
  str(rec(arr(rec(gw.raw.spec).servers)[s.index]).bind) ?? '';

/** NUL cannot occur in a host, a bind address or a port number. */
const slot = (port: number, bind: string, host: string) => `${port}\u0000${bind}\u0000${host}`;

/**
 * IST0145, istioctl's ConflictingGatewayAnalyzer: two Gateways whose selectors pick the same proxies (the same
 * selector, or one inside the other with a pod both match) and that declare the same host, with the same `bind`,
 * on the same port. The proxy keeps one server per host and port, so the other gateway's routes silently do not
 * apply. Hosts are compared as written, as istioctl does; a later server on the same port of one gateway replaces
 * the earlier one there, as in istioctl's map. Gateways are indexed by (port, bind, host), so thousands of gateways
 * cost one lookup per host.
 */
export const conflictingGateways: Rule = (ctx) => {
  // Per selector string: (port, bind, host) → gateways declaring it, in model order.
  const bySelector = new Map<string, Map<string, Gateway[]>>();
  const selectorOf = new Map<string, Record<string, string>>();
  for (const gw of ctx.model.gateways) {
    const key = selectorString(gw.selector);
    selectorOf.set(key, gw.selector);
    let slots = bySelector.get(key);
    if (!slots) bySelector.set(key, (slots = new Map()));
    const lastOnPort = new Map<number, GatewayServer>();
    for (const s of gw.servers) lastOnPort.set(s.port ?? 0, s);
    for (const [port, s] of lastOnPort) {
      for (const h of new Set(s.hosts)) {
        const k = slot(port, bindOf(gw, s), h);
        const list = slots.get(k);
        if (list) list.push(gw);
        else slots.set(k, [gw]);
      }
    }
  }
  const pods = [...ctx.model.workloads.map((w) => w.podLabels), DEFAULT_INGRESS.labels];
  // istioctl's test: the same selector string, or one a substring of the other and a pod that both select.
  const share = (a: string, b: string): boolean => {
    if (a === b) return true;
    if (!a.includes(b) && !b.includes(a)) return false;
    const sa = selectorOf.get(a) ?? {};
    const sb = selectorOf.get(b) ?? {};
    return pods.some((p) => selectorMatches(sa, p) && selectorMatches(sb, p));
  };
  const peersOf = cachedBy(String, (sel: string) =>
    [...bySelector.keys()].filter((other) => share(sel, other)).map((o) => bySelector.get(o) ?? new Map()),
  );
  const out: Diagnostic[] = [];
  for (const gw of ctx.model.gateways) {
    const sel = selectorString(gw.selector);
    for (const server of gw.servers) {
      const port = server.port ?? 0;
      const bind = bindOf(gw, server);
      const clashing = new Set<Gateway>();
      for (const slots of peersOf(sel)) {
        for (const h of server.hosts) for (const g of slots.get(slot(port, bind, h)) ?? []) clashing.add(g);
      }
      clashing.delete(gw);
      if (clashing.size === 0) continue;
      const head = [...clashing].slice(0, NAMES_SHOWN + 1).map(gatewayName);
      out.push(
        report(
          ctx,
          gw,
          ['spec', 'servers', server.index, 'hosts'],
          'IST0145',
          `Conflict with gateways ${cappedList(head, clashing.size)} (workload selector ${sel}, port ${port}, hosts ${server.hosts.join(',')}). ` +
            `The same proxies serve both and keep only one server per host and port, so one gateway's routes do not apply. ` +
            `Merge the servers into one Gateway, or change the host, port or selector of one of them.`,
          { nodeId: nodeId.gateway(gw.namespace, gw.name) },
        ),
      );
    }
  }
  return out;
};
