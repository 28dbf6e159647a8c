import { LB_SIMPLE } from '../../../../core/policy/traffic-policy';
import { CheckField, Field, SelectField } from './fields';
import { bind, type GroupProps } from './group-props';
import { hashBy, lbKind, withHashBy, withLbKind, type HashBy, type LbKind } from './lb-model';
import { parseText } from './parse-input';

const KINDS = [
  { value: 'none', label: 'default' },
  { value: 'simple', label: 'simple' },
  { value: 'hash', label: 'consistent hash' },
];
const BY = [
  { value: '', label: 'choose…' },
  { value: 'cookie', label: 'HTTP cookie' },
  { value: 'header', label: 'HTTP header' },
  { value: 'query', label: 'query parameter' },
  { value: 'sourceIp', label: 'source IP' },
];

/** Load balancer: a simple algorithm or a consistent hash, and locality on/off. */
export function LbFields(props: GroupProps) {
  const { err, set, id } = bind(props);
  const lb = props.f.loadBalancer;
  const kind = lbKind(lb);
  const hash = lb?.consistentHash;
  const by = hashBy(hash);
  const cookie = hash?.httpCookie;
  return (
    <fieldset className="policy-group" data-testid={id('lb')}>
      <legend>Load balancer</legend>
      <SelectField
        label="Kind"
        testId={id('lb-kind')}
        value={kind}
        options={KINDS}
        errors={err('loadBalancer')}
        onChange={(v) => set('loadBalancer', withLbKind(lb, v as LbKind))}
      />
      {kind === 'simple' && (
        <SelectField
          label="Algorithm"
          testId={id('lb-simple')}
          value={lb?.simple ?? ''}
          options={LB_SIMPLE.map((s) => ({ value: s, label: s }))}
          onChange={(v) => set('loadBalancer.simple', v)}
        />
      )}
      {kind === 'hash' && (
        <SelectField
          label="Hash by"
          testId={id('hash-by')}
          value={by}
          options={BY}
          errors={err('loadBalancer.consistentHash')}
          onChange={(v) => set('loadBalancer.consistentHash', withHashBy(hash, v as HashBy))}
        />
      )}
      {by === 'cookie' && (
        <div className="policy-row">
          <Field
            label="Cookie name"
            testId={id('hash-cookie-name')}
            value={cookie?.name ?? ''}
            parse={parseText}
            errors={err('loadBalancer.consistentHash.httpCookie.name')}
            onCommit={(v) => set('loadBalancer.consistentHash.httpCookie.name', v)}
          />
          <Field
            label="TTL"
            testId={id('hash-cookie-ttl')}
            value={cookie?.ttl ?? ''}
            placeholder="0s"
            parse={parseText}
            errors={err('loadBalancer.consistentHash.httpCookie.ttl')}
            onCommit={(v) => set('loadBalancer.consistentHash.httpCookie.ttl', v)}
          />
          <Field
            label="Path"
            testId={id('hash-cookie-path')}
            value={cookie?.path ?? ''}
            placeholder="/"
            parse={parseText}
            onCommit={(v) => set('loadBalancer.consistentHash.httpCookie.path', v)}
          />
        </div>
      )}
      {by === 'header' && (
        <Field
          label="Header name"
          testId={id('hash-header')}
          value={hash?.httpHeaderName ?? ''}
          parse={(t) => ({ value: t.trim() })}
          errors={err('loadBalancer.consistentHash.httpHeaderName')}
          onCommit={(v) => set('loadBalancer.consistentHash.httpHeaderName', v)}
        />
      )}
      {by === 'query' && (
        <Field
          label="Query parameter"
          testId={id('hash-query')}
          value={hash?.httpQueryParameterName ?? ''}
          parse={(t) => ({ value: t.trim() })}
          errors={err('loadBalancer.consistentHash.httpQueryParameterName')}
          onCommit={(v) => set('loadBalancer.consistentHash.httpQueryParameterName', v)}
        />
      )}
      <CheckField
        label="Locality load balancing"
        testId={id('lb-locality')}
        checked={lb?.localityLbSetting?.enabled === true}
        onChange={(on) =>
          set('loadBalancer.localityLbSetting', on ? { ...lb?.localityLbSetting, enabled: true } : undefined)
        }
      />
    </fieldset>
  );
}
