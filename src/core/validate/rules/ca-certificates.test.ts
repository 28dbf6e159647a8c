import { describe, expect, it } from 'vitest';
import { caCertificates } from './ca-certificates';
import { corpus, summary } from './testing';

const data = (f: string) => corpus(`istio-analyzer-testdata/${f}`);

describe('caCertificates (IST0128, IST0129)', () => {
  it('reports destination- and port-level TLS without caCertificates, at the mode', () => {
    expect(summary(caCertificates, data('destinationrule-compound-mutual-simple.yaml'))).toEqual([
      'IST0128 DestinationRule default/db-mtls spec/trafficPolicy/tls/mode «SIMPLE»',
      'IST0129 DestinationRule default/db-mtls spec/trafficPolicy/portLevelSettings[0]/tls/mode «MUTUAL»',
    ]);
    expect(summary(caCertificates, data('destinationrule-simple-destination-credentialname.yaml'))).toEqual([
      'IST0128 DestinationRule default/db-tls spec/trafficPolicy/tls/mode «SIMPLE»',
    ]);
  });

  it('accepts caCertificates, and credentialName on a workload-scoped rule', () => {
    expect(summary(caCertificates, data('destinationrule-with-ca.yaml'))).toEqual([]);
    expect(
      summary(caCertificates, data('destinationrule-simple-destination-credentialname-selector.yaml')),
    ).toEqual([]);
    expect(summary(caCertificates, data('destinationrule-simple-port-credentialname-selector.yaml'))).toEqual(
      [],
    );
  });
});
