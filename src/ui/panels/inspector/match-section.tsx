import {
  readMatch,
  type MatchCondition,
  type StringMatch,
  type StringMatchKind,
} from '../../../core/edit/index';
import type { Route, VirtualService } from '../../../core/model/types';
import { dispatchIntent } from '../../edit/dispatch';
import { useStudioInstance } from '../../store-context';
import { TextField } from './text-field';
import { L4MatchSection } from './l4-match-section';

const KINDS: StringMatchKind[] = ['exact', 'prefix', 'regex'];

function StringMatchField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: StringMatch | undefined;
  onChange: (v: StringMatch | undefined) => void;
}) {
  return (
    <div className="string-match">
      <select
        aria-label={`${label} match kind`}
        value={value?.kind ?? 'prefix'}
        onChange={(e) => onChange({ kind: e.target.value as StringMatchKind, value: value?.value ?? '' })}
      >
        {KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <TextField
        label={label}
        value={value?.value ?? ''}
        onCommit={(v) => onChange(v === '' ? undefined : { kind: value?.kind ?? 'prefix', value: v })}
      />
    </div>
  );
}

function mapText(m: Record<string, StringMatch> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}: ${v.kind === 'exact' ? '' : `${v.kind} `}${v.value}`)
    .join('\n');
}

/** `name: value` (exact) or `name: prefix value` / `name: regex value`, one a line. */
function parseMapText(t: string): Record<string, StringMatch> | undefined {
  const out: Record<string, StringMatch> = {};
  for (const line of t.split('\n')) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim();
    const rest = line.slice(i + 1).trim();
    const m = /^(prefix|regex|exact)\s+(.*)$/.exec(rest);
    out[name] = m ? { kind: m[1] as StringMatchKind, value: m[2] ?? '' } : { kind: 'exact', value: rest };
  }
  return Object.keys(out).length ? out : undefined;
}

/** The first match block of an http route: uri, method, headers, query parameters. */
export function MatchSection({ vs, route }: { vs: VirtualService; route: Route }) {
  const studio = useStudioInstance();
  if (route.protocol !== 'http') return <L4MatchSection vs={vs} route={route} />;
  const blocks = route.match.map(readMatch);
  const first: MatchCondition = blocks[0] ?? {};
  const write = (next: MatchCondition) => {
    const empty = !next.uri && !next.method && !next.headers && !next.queryParams;
    const match = empty && blocks.length <= 1 ? undefined : [next, ...blocks.slice(1)];
    dispatchIntent(studio, {
      type: 'setMatch',
      vsRef: vs.ref,
      protocol: route.protocol,
      routeIndex: route.index,
      match,
    });
  };
  return (
    <div className="match-form" data-testid="match-form">
      {blocks.length > 1 && (
        <p className="muted">Editing the first of {blocks.length} match blocks (they are alternatives).</p>
      )}
      <StringMatchField label="URI" value={first.uri} onChange={(uri) => write({ ...first, uri })} />
      <StringMatchField
        label="Method"
        value={first.method}
        onChange={(method) => write({ ...first, method })}
      />
      <label>
        Headers (name: value, or name: prefix value)
        <textarea
          rows={2}
          defaultValue={mapText(first.headers)}
          key={mapText(first.headers)}
          onBlur={(e) => write({ ...first, headers: parseMapText(e.target.value) })}
        />
      </label>
      <label>
        Query parameters
        <textarea
          rows={2}
          defaultValue={mapText(first.queryParams)}
          key={`q${mapText(first.queryParams)}`}
          onBlur={(e) => write({ ...first, queryParams: parseMapText(e.target.value) })}
        />
      </label>
    </div>
  );
}
