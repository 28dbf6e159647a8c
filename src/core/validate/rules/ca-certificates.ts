import { nodeId } from '../../graph/ids';
import { arr, num, rec, str, type Rec } from '../../model/read';
import type { DestinationRule } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { report } from './util';

/** True when TLS settings originate TLS without a way to verify the server's certificate. */
function unverified(tls: Rec, dr: DestinationRule): string | undefined {
  const mode = str(tls.mode);
  if (mode !== 'SIMPLE' && mode !== 'MUTUAL') return undefined;
  if (str(tls.caCertificates)) return undefined;
  // A credentialName on a DR scoped to workloads (e.g. a gateway) carries the CA in its secret.
  if (str(tls.credentialName) && dr.workloadSelector) return undefined;
  return mode;
}

/** IST0128 / IST0129: TLS mode SIMPLE or MUTUAL without `caCertificates` (CaCertificateAnalyzer). */
export const caCertificates: Rule = (ctx) =>
  ctx.model.destinationRules.flatMap((dr) => {
    const out: Diagnostic[] = [];
    const policy = rec(dr.trafficPolicy);
    const ids = { nodeId: nodeId.destinationrule(dr.namespace, dr.name) };
    const mode = unverified(rec(policy.tls), dr);
    if (mode) {
      out.push(
        report(
          ctx,
          dr,
          ['spec', 'trafficPolicy', 'tls', 'mode'],
          'IST0128',
          `TLS mode ${mode} for host ${dr.host} sets no caCertificates, so the server's identity is not verified. Add \`caCertificates\` (a CA bundle path), or a \`credentialName\` secret that holds the CA.`,
          ids,
        ),
      );
    }
    arr(policy.portLevelSettings).forEach((p, i) => {
      const settings = rec(p);
      const portMode = unverified(rec(settings.tls), dr);
      if (!portMode) return;
      const port = num(rec(settings.port).number);
      out.push(
        report(
          ctx,
          dr,
          ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls', 'mode'],
          'IST0129',
          `TLS mode ${portMode} for host ${dr.host} port ${port ?? '?'} sets no caCertificates, so the server's identity is not verified. Add \`caCertificates\` to this port's tls settings.`,
          ids,
        ),
      );
    });
    return out;
  });
