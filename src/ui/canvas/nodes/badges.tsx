import type { PolicyBadge } from '../../../core/graph/types';
import type { DiagSummary } from '../to-flow';
import { fitBadges, MORE_WIDTH } from './fit-badges';

/**
 * A node's policy badges in `room` px: those that fit, then one "+N" whose tooltip lists the rest (a
 * node's size is fixed, so a badge that did not fit used to be clipped and never seen).
 */
export function PolicyBadges({ badges, room }: { badges: readonly PolicyBadge[]; room: number }) {
  if (badges.length === 0) return null;
  const fit = fitBadges(
    badges.map((b) => badgeText(b)),
    room,
  );
  // When not even the first fits, it is shown cut short (its tooltip has it whole) beside the "+N".
  const shown = Math.max(1, fit);
  const rest = badges.slice(shown);
  const cut = fit === 0 ? room - (rest.length > 0 ? MORE_WIDTH + 3 : 0) : undefined;
  return (
    <span className="badges">
      {badges.slice(0, shown).map((b, i) => (
        <span
          key={`${b.policy}-${i}`}
          className={`badge policy policy-${b.policy}${cut !== undefined ? ' cut' : ''}`}
          data-testid="badge"
          data-policy={b.policy}
          title={b.detail}
          style={cut !== undefined ? { maxWidth: cut } : undefined}
        >
          {badgeText(b)}
        </span>
      ))}
      {rest.length > 0 && (
        <span
          className="badge policy more"
          data-testid="badge-more"
          data-policies={rest.map((b) => b.policy).join(',')}
          title={rest.map((b) => b.detail).join('\n')}
        >
          +{rest.length}
        </span>
      )}
    </span>
  );
}

// Plain text: the lock emoji it had drew as an empty box where no emoji font is installed.
function badgeText(b: PolicyBadge): string {
  return b.policy === 'tls' && b.label !== 'mTLS' ? `tls ${b.label}` : b.label;
}

export function DiagBadge({ diag }: { diag: DiagSummary | undefined }) {
  if (!diag) return null;
  const icon = diag.severity === 'error' ? '✕' : diag.severity === 'warning' ? '!' : 'i';
  return (
    <span
      className={`badge diag diag-${diag.severity}`}
      data-testid="badge"
      data-severity={diag.severity}
      title={diag.messages.join('\n')}
    >
      {icon}
      {diag.count > 1 ? ` ${diag.count}` : ''}
    </span>
  );
}
