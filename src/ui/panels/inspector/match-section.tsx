import {
  formatMatchMap,
  parseMatchMap,
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

// `any` (a present header) means nothing for a uri or a method: the select offers the three that do.
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
  const kind = value && value.kind !== 'any' ? value.kind : 'prefix';
  return (
    <div className="string-match">
      <select
        aria-label={`${label} match kind`}
        value={kind}
        onChange={(e) => onChange({ kind: e.target.value as StringMatchKind, value: value?.value ?? '' })}
      >
        {KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <TextField
        label={label}
        value={value?.value ?? ''}
        onCommit={(v) => onChange(v === '' ? undefined : { kind, value: v })}
      />
    </div>
  );
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
        Headers (name: value, name: prefix value, name: regex value; name: alone for present)
        <textarea
          rows={2}
          defaultValue={formatMatchMap(first.headers)}
          key={formatMatchMap(first.headers)}
          onBlur={(e) => write({ ...first, headers: parseMatchMap(e.target.value) })}
        />
      </label>
      <label>
        Query parameters
        <textarea
          rows={2}
          defaultValue={formatMatchMap(first.queryParams)}
          key={`q${formatMatchMap(first.queryParams)}`}
          onBlur={(e) => write({ ...first, queryParams: parseMatchMap(e.target.value) })}
        />
      </label>
    </div>
  );
}
