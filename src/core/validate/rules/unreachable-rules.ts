import { nodeId } from '../../graph/ids';
import { rec, str, type Rec } from '../../model/read';
import type { Route, RouteProtocol, VirtualService } from '../../model/types';
import type { Rule, ValidationContext } from '../context';
import type { Diagnostic } from '../types';
import { report, rulePath } from './util';
import { stableJson } from './stable-json';

function label(r: Route): string {
  return r.name ? `${r.protocol}[${r.index}] "${r.name}"` : `${r.protocol}[${r.index}]`;
}

/** A match without its `name`, which does not take part in matching. */
function withoutName(m: Rec): Rec {
  const { name: _name, ...rest } = m;
  return rest;
}

interface Prefix {
  prefix: string;
  rest: Rec;
  route: Route;
}

/** True when every condition of `earlier` besides the uri is also in `later`, so `later` matches less. */
function coveredBy(p: Prefix, laterPrefix: string, laterRest: Rec): boolean {
  if (!laterPrefix.startsWith(p.prefix)) return false;
  return Object.entries(p.rest).every(
    ([k, v]) => k in laterRest && stableJson(v) === stableJson(laterRest[k]),
  );
}

function rulePointer(r: Route): (string | number)[] {
  return [...rulePath(r), r.match.length ? 'match' : 'route'];
}

function checkRoutes(ctx: ValidationContext, vs: VirtualService, protocol: RouteProtocol): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = { nodeId: nodeId.virtualservice(vs.namespace, vs.name) };
  const seen = new Map<string, Route>();
  const prefixes: Prefix[] = [];
  let catchAll: Route | undefined;
  for (const r of vs.routes.filter((x) => x.protocol === protocol)) {
    if (catchAll) {
      out.push(
        report(
          ctx,
          vs,
          rulePointer(r),
          'IST0130',
          `Rule ${label(r)} is never used: rule ${label(catchAll)} before it has no match and takes all remaining traffic. Move the catch-all rule last.`,
          {
            ...ids,
            fixes: [
              {
                title: `Move rule ${label(catchAll)} last`,
                intent: { type: 'moveRuleLast', vsRef: vs.ref, protocol, routeIndex: catchAll.index },
              },
            ],
          },
        ),
      );
      continue;
    }
    if (r.match.length === 0) {
      catchAll = r;
      continue;
    }
    let usedBefore = 0;
    r.match.forEach((m, mi) => {
      const rest = withoutName(m);
      const key = stableJson(rest);
      const dup = seen.get(key);
      const uri = rec(rest.uri);
      const prefix = protocol === 'http' ? str(uri.prefix) : undefined;
      const { uri: _uri, ...others } = rest;
      const cover = dup
        ? undefined
        : prefix !== undefined
          ? prefixes.find((p) => coveredBy(p, prefix, others))
          : undefined;
      const by = dup ?? cover?.route;
      if (by) {
        if (by.index < r.index) usedBefore++;
        const how = dup
          ? 'is the same as a match'
          : `has uri prefix "${prefix}", already covered by prefix "${cover?.prefix}"`;
        out.push(
          report(
            ctx,
            vs,
            dup ? [...rulePath(r), 'match', mi] : [...rulePath(r), 'match', mi, 'uri', 'prefix'],
            'IST0131',
            `Match ${mi} of rule ${label(r)} ${how} in rule ${label(by)}, so it never applies. Remove it or make it more specific than the earlier one.`,
            ids,
          ),
        );
      } else {
        seen.set(key, r);
      }
      if (prefix !== undefined) prefixes.push({ prefix, rest: others, route: r });
    });
    if (usedBefore === r.match.length) {
      out.push(
        report(
          ctx,
          vs,
          rulePointer(r),
          'IST0130',
          `Rule ${label(r)} is never used: every one of its matches is already taken by an earlier rule. Remove it, or move it above the rule that shadows it.`,
          ids,
        ),
      );
    }
  }
  return out;
}

/** IST0130 (unreachable rule) and IST0131 (ineffective match), as istioctl's VirtualService validation. */
export const unreachableRules: Rule = (ctx) =>
  ctx.model.virtualServices.flatMap((vs) =>
    (['http', 'tcp', 'tls'] as const).flatMap((p) => checkRoutes(ctx, vs, p)),
  );
