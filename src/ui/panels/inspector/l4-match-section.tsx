import type { Route, VirtualService } from '../../../core/model/types';
import { dispatchIntent } from '../../edit/dispatch';
import { l4MatchIntent, readL4Match, type L4Field } from '../../edit/l4-match';
import { useStudioInstance } from '../../store-context';
import { TextField } from './text-field';

/** Match of a tcp or tls route: destination port, and SNI hosts for tls. */
export function L4MatchSection({ vs, route }: { vs: VirtualService; route: Route }) {
  const studio = useStudioInstance();
  const store = studio.store;
  const form = readL4Match(route);
  const write = (field: L4Field, text: string) => {
    const intent = l4MatchIntent(vs, route, field, text);
    if (typeof intent === 'string') store.getState().notify(`Cannot set the match: ${intent}.`, 'error');
    else dispatchIntent(studio, intent);
  };
  return (
    <div className="match-form" data-testid="l4-match-form">
      <TextField
        label="Port"
        testId="match-port"
        value={form.port}
        placeholder="any"
        onCommit={(v) => write('port', v)}
      />
      {route.protocol === 'tls' && (
        <TextField
          label="SNI hosts (comma separated)"
          testId="match-sni-hosts"
          value={form.sniHosts}
          onCommit={(v) => write('sniHosts', v)}
        />
      )}
    </div>
  );
}
