import type { Feature } from './route-summary';
import {
  formatOrigins,
  formatPairs,
  parseList,
  parseNumber,
  parseOrigins,
  parsePairs,
  parseText,
  type Parsed,
} from './parse-input';
import { isRec } from '../../../../core/model/read';
import type { StringMatchForm } from '../../../../core/policy/string-match';

export type FieldKind = 'text' | 'int' | 'percent' | 'list' | 'pairs' | 'origins';

/** One route field: where it sits in the form, how it shows, and its testid (without `route-`). */
export interface FieldSpec {
  path: string;
  label: string;
  testId: string;
  kind: FieldKind;
  placeholder?: string;
}

const f = (
  path: string,
  label: string,
  testId: string,
  kind: FieldKind = 'text',
  placeholder?: string,
): FieldSpec => ({
  path,
  label,
  testId,
  kind,
  placeholder,
});

function headerSpecs(side: 'request' | 'response'): FieldSpec[] {
  return [
    f(`headers.${side}.set`, `${side} set (name: value)`, `headers-${side}-set`, 'pairs'),
    f(`headers.${side}.add`, `${side} add (name: value)`, `headers-${side}-add`, 'pairs'),
    f(`headers.${side}.remove`, `${side} remove (names)`, `headers-${side}-remove`, 'list'),
  ];
}

export const FEATURES: { feature: Feature; title: string; fields: FieldSpec[] }[] = [
  { feature: 'timeout', title: 'Timeout', fields: [f('timeout', 'Timeout', 'timeout', 'text', '15s')] },
  {
    feature: 'retries',
    title: 'Retries',
    fields: [
      f('retries.attempts', 'Attempts', 'retries-attempts', 'int'),
      f('retries.perTryTimeout', 'Per-try timeout', 'retries-per-try', 'text', '2s'),
      f('retries.retryOn', 'Retry on', 'retries-on', 'text', '5xx,connect-failure'),
    ],
  },
  {
    feature: 'fault',
    title: 'Fault injection',
    fields: [
      f('fault.delay.fixedDelay', 'Delay', 'fault-delay', 'text', '5s'),
      f('fault.delay.percentage', 'Delay %', 'fault-delay-percent', 'percent'),
      f('fault.abort.httpStatus', 'Abort status', 'fault-abort', 'int', '500'),
      f('fault.abort.percentage', 'Abort %', 'fault-abort-percent', 'percent'),
    ],
  },
  {
    feature: 'mirror',
    title: 'Mirror',
    fields: [
      f('mirror.host', 'Host', 'mirror-host'),
      f('mirror.subset', 'Subset', 'mirror-subset'),
      f('mirrorPercentage', 'Percent', 'mirror-percent', 'percent', '100'),
    ],
  },
  {
    feature: 'rewrite',
    title: 'Rewrite',
    fields: [
      f('rewrite.uri', 'URI', 'rewrite-uri'),
      f('rewrite.authority', 'Authority', 'rewrite-authority'),
    ],
  },
  {
    feature: 'redirect',
    title: 'Redirect',
    fields: [
      f('redirect.uri', 'URI', 'redirect-uri'),
      f('redirect.authority', 'Authority', 'redirect-authority'),
      f('redirect.redirectCode', 'Status', 'redirect-code', 'int', '301'),
    ],
  },
  {
    feature: 'cors',
    title: 'CORS',
    fields: [
      f(
        'corsPolicy.allowOrigins',
        'Allow origins (one a line: exact, prefix or regex)',
        'cors-origins',
        'origins',
      ),
      f('corsPolicy.allowMethods', 'Allow methods', 'cors-methods', 'list', 'GET, POST'),
    ],
  },
  { feature: 'headers', title: 'Headers', fields: [...headerSpecs('request'), ...headerSpecs('response')] },
  {
    feature: 'delegate',
    title: 'Delegate',
    fields: [
      f('delegate.name', 'VirtualService name', 'delegate-name'),
      f('delegate.namespace', 'Namespace', 'delegate-namespace', 'text', 'same as this one'),
    ],
  },
];

export function parserFor(kind: FieldKind): (text: string) => Parsed<unknown> {
  if (kind === 'int') return parseNumber;
  if (kind === 'percent') return (t) => parseNumber(t, false);
  if (kind === 'list') return parseList;
  if (kind === 'pairs') return parsePairs;
  if (kind === 'origins') return parseOrigins;
  return parseText;
}

function at(form: object, path: string): unknown {
  let v: unknown = form;
  for (const k of path.split('.')) v = isRec(v) ? v[k] : undefined;
  return v;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isMatches = (v: unknown): v is StringMatchForm[] => Array.isArray(v) && v.every(isRec);

/** The text a field shows for its current form value. */
export function formatField(form: object, spec: FieldSpec): string {
  const v = at(form, spec.path);
  if (spec.kind === 'list') return isStrings(v) ? v.join(', ') : '';
  if (spec.kind === 'origins') return isMatches(v) ? formatOrigins(v) : '';
  if (spec.kind === 'pairs')
    return isRec(v) ? formatPairs(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]))) : '';
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}
