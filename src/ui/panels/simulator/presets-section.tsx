import { useEffect, useMemo, useState } from 'react';
import { suggestPresets, type SimPreset } from '../../../core/simulate/presets';
import type { SimRequest } from '../../../core/simulate/types';
import { useSettledDerived } from '../../store-context';
import {
  browserStorage,
  loadPresets,
  presetKey,
  removePreset,
  storePresets,
  upsertPreset,
} from './preset-storage';

interface PresetsProps {
  /** The request the form describes now, or undefined when it cannot run. */
  current: () => SimRequest | undefined;
  onLoad: (request: SimRequest) => void;
}

/** Saved requests for this set of documents (localStorage), and suggestions that exercise each rule. */
export function PresetsSection({ current, onLoad }: PresetsProps) {
  const { model, index } = useSettledDerived();
  const key = presetKey(model);
  const [presets, setPresets] = useState<SimPreset[]>(() => loadPresets(browserStorage(), key));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setPresets(loadPresets(browserStorage(), key)), [key]);
  const suggested = useMemo(() => suggestPresets(model, index), [model, index]);

  const update = (next: SimPreset[]) => {
    setPresets(next);
    setError(storePresets(browserStorage(), key, next));
  };
  const save = () => {
    const request = current();
    if (name.trim() === '' || !request) return;
    update(upsertPreset(presets, { name, request }));
    setName('');
  };

  return (
    <details className="sim-presets" open={presets.length > 0 || undefined}>
      <summary>Presets</summary>
      <div className="sim-row">
        <input
          type="text"
          data-testid="sim-preset-name"
          aria-label="Preset name"
          placeholder="e.g. jason on /reviews"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
        />
        <button type="button" data-testid="sim-preset-save" disabled={name.trim() === ''} onClick={save}>
          Save
        </button>
      </div>
      {error && <p className="sim-problem">Could not save: {error}</p>}
      <ul className="sim-preset-list">
        {presets.map((p) => (
          <li key={p.name} data-testid="sim-preset">
            <button
              type="button"
              className="link"
              data-testid="sim-preset-load"
              onClick={() => onLoad(p.request)}
            >
              {p.name}
            </button>
            <button
              type="button"
              className="icon"
              data-testid="sim-preset-delete"
              aria-label={`Delete preset ${p.name}`}
              onClick={() => update(removePreset(presets, p.name))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {suggested.length > 0 && (
        <label>
          Suggested
          <select
            data-testid="sim-suggest"
            value=""
            onChange={(e) => {
              const s = suggested[Number(e.target.value)];
              if (s) onLoad(s.request);
            }}
          >
            <option value="">Pick a request that reaches a rule…</option>
            {suggested.map((s, i) => (
              <option key={s.name} value={i}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </details>
  );
}
