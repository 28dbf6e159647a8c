import { Field } from './fields';
import { bind, type GroupProps } from './group-props';
import { parseNumber, parseText } from './parse-input';

type Spec = [path: string, label: string, testId: string, kind: 'int' | 'duration', placeholder?: string];

const POOL: Spec[] = [
  ['connectionPool.tcp.maxConnections', 'TCP max connections', 'pool-max-connections', 'int'],
  ['connectionPool.tcp.connectTimeout', 'TCP connect timeout', 'pool-connect-timeout', 'duration', '10s'],
  ['connectionPool.http.http1MaxPendingRequests', 'HTTP/1 max pending', 'pool-http1-max-pending', 'int'],
  ['connectionPool.http.http2MaxRequests', 'HTTP/2 max requests', 'pool-http2-max-requests', 'int'],
  [
    'connectionPool.http.maxRequestsPerConnection',
    'Requests per connection',
    'pool-max-per-connection',
    'int',
  ],
  ['connectionPool.http.maxRetries', 'Max retries', 'pool-max-retries', 'int'],
];

const OUTLIER: Spec[] = [
  ['outlierDetection.consecutive5xxErrors', 'Consecutive 5xx errors', 'outlier-errors', 'int'],
  ['outlierDetection.interval', 'Interval', 'outlier-interval', 'duration', '10s'],
  ['outlierDetection.baseEjectionTime', 'Base ejection time', 'outlier-ejection-time', 'duration', '30s'],
  ['outlierDetection.maxEjectionPercent', 'Max ejection %', 'outlier-max-ejection', 'int'],
];

function read(f: object, path: string): string {
  let v: unknown = f;
  for (const k of path.split('.')) v = typeof v === 'object' && v !== null ? Reflect.get(v, k) : undefined;
  return typeof v === 'number' || typeof v === 'string' ? String(v) : '';
}

function Limits({
  name,
  legend,
  specs,
  props,
}: {
  name: string;
  legend: string;
  specs: Spec[];
  props: GroupProps;
}) {
  const { err, set, id } = bind(props);
  return (
    <fieldset className="policy-group policy-grid" data-testid={id(name)}>
      <legend>{legend}</legend>
      {specs.map(([path, label, testId, kind, placeholder]) => (
        <Field<string | number>
          key={path}
          label={label}
          testId={id(testId)}
          value={read(props.f, path)}
          placeholder={placeholder}
          parse={kind === 'int' ? parseNumber : parseText}
          errors={err(path)}
          onCommit={(v) => set(path, v)}
        />
      ))}
    </fieldset>
  );
}

/** Connection pool limits (circuit breaking). */
export function PoolFields(props: GroupProps) {
  return <Limits name="pool" legend="Connection pool" specs={POOL} props={props} />;
}

/** Outlier detection: eject hosts that keep failing. */
export function OutlierFields(props: GroupProps) {
  return <Limits name="outlier" legend="Outlier detection" specs={OUTLIER} props={props} />;
}
