import { hostMatches, resolveHost } from '../model/hosts';
import { isRec, num, rec, str, strList, strMap, type Rec } from '../model/read';
import type { Route } from '../model/types';
import { normaliseGatewayRef } from './gateways';
import { matchString, type Check } from './string-match';
import type { SimRequest } from './types';

/** What a match block is evaluated against. */
export interface MatchContext {
  req: SimRequest;
  /** Resolved request host. */
  fqdn: string;
  port: number | undefined;
  /** `mesh` or `ns/name`. */
  gateway: string;
  /** Namespace of the VirtualService the rule belongs to (for bare gateway names and short SNI hosts). */
  vsNamespace: string;
}

/** A match block's outcome: conditions are ANDed; `passed` counts those that held before the first failure. */
export interface BlockCheck {
  ok: boolean;
  passed: number;
  failure: string | undefined;
}

type Cond = () => Check;

function mapConds(label: string, v: unknown, values: Record<string, string>, invert: boolean): Cond[] {
  return Object.entries(rec(v)).map(([name, spec]) => () => {
    // Header names are case-insensitive; query parameter names are not.
    const value = values[label === 'query' ? name : name.toLowerCase()];
    const c = matchString(`${label} ${name}`, spec, value);
    if (!invert) return c;
    // withoutHeaders: the header must not match; an absent header satisfies it.
    return c.ok
      ? {
          ok: false,
          failure: `withoutHeaders ${name}: must not be ${value === undefined ? 'present' : JSON.stringify(value)}`,
        }
      : { ok: true };
  });
}

function commonConds(m: Rec, ctx: MatchContext): Cond[] {
  const out: Cond[] = [];
  if (m.port !== undefined) {
    const want = num(m.port);
    out.push(() =>
      ctx.port !== undefined && ctx.port === want
        ? { ok: true }
        : { ok: false, failure: `port: expected ${str(m.port) ?? '?'}, got ${ctx.port ?? 'none'}` },
    );
  }
  if (isRec(m.sourceLabels)) {
    const want = strMap(m.sourceLabels);
    for (const [k, v] of Object.entries(want)) {
      out.push(() =>
        ctx.req.sourceLabels[k] === v
          ? { ok: true }
          : {
              ok: false,
              failure: `sourceLabels ${k}: expected "${v}", got ${ctx.req.sourceLabels[k] === undefined ? 'nothing' : JSON.stringify(ctx.req.sourceLabels[k])}`,
            },
      );
    }
  }
  const ns = str(m.sourceNamespace);
  if (ns !== undefined) {
    out.push(() =>
      ctx.req.sourceNamespace === ns
        ? { ok: true }
        : { ok: false, failure: `sourceNamespace: expected "${ns}", got "${ctx.req.sourceNamespace}"` },
    );
  }
  if (Array.isArray(m.gateways)) {
    const gws = strList(m.gateways).map((g) => normaliseGatewayRef(g, ctx.vsNamespace));
    out.push(() =>
      gws.includes(ctx.gateway)
        ? { ok: true }
        : { ok: false, failure: `gateways: expected one of ${gws.join(', ')}, got ${ctx.gateway}` },
    );
  }
  for (const key of ['destinationSubnets', 'sourceSubnet'] as const) {
    if (m[key] !== undefined) {
      out.push(() => ({ ok: false, failure: `${key}: the simulator has no IP address to check` }));
    }
  }
  return out;
}

function httpConds(m: Rec, ctx: MatchContext): Cond[] {
  const { req } = ctx;
  const ignoreCase = m.ignoreUriCase === true;
  const out: Cond[] = [];
  if (m.uri !== undefined) out.push(() => matchString('uri', m.uri, req.path, ignoreCase));
  if (m.scheme !== undefined) out.push(() => matchString('scheme', m.scheme, req.scheme));
  if (m.method !== undefined) out.push(() => matchString('method', m.method, req.method));
  if (m.authority !== undefined) {
    out.push(() => matchString('authority', m.authority, req.authority ?? req.host));
  }
  out.push(...mapConds('header', m.headers, req.headers, false));
  out.push(...mapConds('withoutHeaders', m.withoutHeaders, req.headers, true));
  out.push(...mapConds('query', m.queryParams, req.query, false));
  return [...out, ...commonConds(m, ctx)];
}

function l4Conds(m: Rec, ctx: MatchContext, tls: boolean): Cond[] {
  const out: Cond[] = [];
  if (tls && m.sniHosts !== undefined) {
    const sni = resolveHost(ctx.req.sniHost ?? ctx.req.host, ctx.req.sourceNamespace);
    const want = strList(m.sniHosts);
    out.push(() =>
      want.some((h) => hostMatches(resolveHost(h, ctx.vsNamespace), sni))
        ? { ok: true }
        : { ok: false, failure: `sniHosts: expected one of ${want.join(', ')}, got "${sni}"` },
    );
  }
  return [...out, ...commonConds(m, ctx)];
}

/** Evaluates one match block of an http, tcp or tls rule. */
export function evaluateBlock(m: Rec, protocol: Route['protocol'], ctx: MatchContext): BlockCheck {
  const conds = protocol === 'http' ? httpConds(m, ctx) : l4Conds(m, ctx, protocol === 'tls');
  let passed = 0;
  for (const cond of conds) {
    const c = cond();
    if (!c.ok) return { ok: false, passed, failure: c.failure };
    passed++;
  }
  return { ok: true, passed, failure: undefined };
}

/** A rule's outcome: the matching block, or the closest one (most conditions held, first on a tie). */
export interface RuleCheck extends BlockCheck {
  matchIndex: number | undefined;
}

/** Evaluates a rule's match blocks (ORed); a rule without `match` matches everything. */
export function evaluateRule(route: Route, ctx: MatchContext): RuleCheck {
  const blocks = route.match;
  if (blocks.length === 0) return { ok: true, passed: 0, failure: undefined, matchIndex: undefined };
  let closest: RuleCheck | undefined;
  for (const [i, b] of blocks.entries()) {
    const c = evaluateBlock(b, route.protocol, ctx);
    if (c.ok) return { ...c, matchIndex: i };
    if (!closest || c.passed > closest.passed) closest = { ...c, matchIndex: i };
  }
  return closest ?? { ok: false, passed: 0, failure: 'no match block', matchIndex: undefined };
}
