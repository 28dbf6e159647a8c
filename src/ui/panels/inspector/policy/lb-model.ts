import type { FormError } from '../../../../core/policy/form-error';
import type {
  ConsistentHashForm,
  LoadBalancerForm,
  PolicyFields,
  TrafficPolicyForm,
} from '../../../../core/policy/traffic-policy';
import { trafficPolicyErrors } from '../../../../core/policy/traffic-policy-errors';

export type LbKind = 'none' | 'simple' | 'hash';
export type HashBy = '' | 'cookie' | 'header' | 'query' | 'sourceIp';

export function lbKind(lb: LoadBalancerForm | undefined): LbKind {
  if (lb?.consistentHash !== undefined) return 'hash';
  return lb?.simple !== undefined ? 'simple' : 'none';
}

export function hashBy(hash: ConsistentHashForm | undefined): HashBy {
  if (hash?.httpCookie !== undefined) return 'cookie';
  if (hash?.httpHeaderName !== undefined) return 'header';
  if (hash?.httpQueryParameterName !== undefined) return 'query';
  return hash?.useSourceIp === true ? 'sourceIp' : '';
}

/** The load balancer with another kind chosen; locality and fields the form does not know stay. */
export function withLbKind(lb: LoadBalancerForm | undefined, kind: LbKind): LoadBalancerForm {
  const rest = { ...lb, simple: undefined, consistentHash: undefined };
  if (kind === 'simple') return { ...rest, simple: lb?.simple ?? 'ROUND_ROBIN' };
  if (kind === 'hash') return { ...rest, consistentHash: lb?.consistentHash ?? {} };
  return rest;
}

/** The consistent hash keyed by another thing; the new key starts empty (the source IP needs nothing). */
export function withHashBy(hash: ConsistentHashForm | undefined, by: HashBy): ConsistentHashForm {
  const rest: ConsistentHashForm = {
    ...hash,
    httpCookie: undefined,
    httpHeaderName: undefined,
    httpQueryParameterName: undefined,
    useSourceIp: undefined,
  };
  if (by === 'cookie') return { ...rest, httpCookie: hash?.httpCookie ?? {} };
  if (by === 'header') return { ...rest, httpHeaderName: hash?.httpHeaderName ?? '' };
  if (by === 'query') return { ...rest, httpQueryParameterName: hash?.httpQueryParameterName ?? '' };
  if (by === 'sourceIp') return { ...rest, useSourceIp: true };
  return rest;
}

function blankNames(f: PolicyFields, at: string): FormError[] {
  const hash = f.loadBalancer?.consistentHash;
  const out: FormError[] = [];
  if (hash?.httpHeaderName?.trim() === '')
    out.push({
      path: `${at}loadBalancer.consistentHash.httpHeaderName`,
      message: 'Name the header to hash on.',
    });
  if (hash?.httpQueryParameterName?.trim() === '')
    out.push({
      path: `${at}loadBalancer.consistentHash.httpQueryParameterName`,
      message: 'Name the query parameter to hash on.',
    });
  return out;
}

/** The core checks plus what only a form produces: a hash key chosen but not yet named. */
export function policyErrors(form: TrafficPolicyForm): FormError[] {
  return [
    ...trafficPolicyErrors(form),
    ...blankNames(form, ''),
    ...(form.portLevelSettings ?? []).flatMap((p, i) => blankNames(p, `portLevelSettings[${i}].`)),
  ];
}
