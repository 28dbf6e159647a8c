import { TLS_MODES } from '../../../../core/policy/traffic-policy';
import { Field, SelectField } from './fields';
import { bind, type GroupProps } from './group-props';
import { parseText } from './parse-input';

const MODES = [{ value: '', label: 'not set' }, ...TLS_MODES.map((m) => ({ value: m, label: m }))];

const FILES = [
  ['credentialName', 'Credential (secret) name', 'tls-credential'],
  ['clientCertificate', 'Client certificate file', 'tls-client-cert'],
  ['privateKey', 'Private key file', 'tls-private-key'],
  ['caCertificates', 'CA certificates file', 'tls-ca'],
  ['sni', 'SNI', 'tls-sni'],
] as const;

/** TLS towards the upstream: the mode, and for SIMPLE and MUTUAL the certificates. */
export function TlsFields(props: GroupProps) {
  const { err, set, id } = bind(props);
  const tls = props.f.tls;
  const mode = tls?.mode ?? '';
  const shown = FILES.filter(
    ([k]) =>
      mode === 'MUTUAL' ||
      (mode === 'SIMPLE' && k !== 'clientCertificate' && k !== 'privateKey') ||
      tls?.[k] !== undefined,
  );
  return (
    <fieldset className="policy-group" data-testid={id('tls')}>
      <legend>TLS</legend>
      <SelectField
        label="Mode"
        testId={id('tls-mode')}
        value={mode}
        options={MODES}
        errors={err('tls')}
        onChange={(v) => set('tls', v ? { ...tls, mode: v } : undefined)}
      />
      {shown.map(([k, label, testId]) => (
        <Field
          key={k}
          label={label}
          testId={id(testId)}
          value={tls?.[k] ?? ''}
          parse={parseText}
          errors={err(`tls.${k}`)}
          onCommit={(v) => set(`tls.${k}`, v)}
        />
      ))}
    </fieldset>
  );
}
