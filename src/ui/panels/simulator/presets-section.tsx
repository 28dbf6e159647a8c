import { useEffect, useMemo, useState } from 'react';
import { suggestPresets } from '../../../core/simulate/presets';
import { simulate } from '../../../core/simulate/simulate';
import type { SimRequest } from '../../../core/simulate/types';
import { expectationFrom } from '../../../core/testcases/evaluate';
import { formatExpectation } from '../../../core/testcases/expectation-text';
import { useSettledDerived } from '../../store-context';
import { PresetRow } from './preset-row';
import {
  browserStorage,
  loadPresets,
  presetKey,
  removePreset,
  setExpectation,
  storePresets,
  upsertPreset,
  type SavedRequest,
} from './preset-storage';
import { TestCaseIo } from './test-case-io';
import { useVerdicts } from './use-verdicts';

interface PresetsProps {
  /** The request the form describes now, or undefined when it cannot run. */
  current: () => SimRequest | undefined;
  onLoad: (request: SimRequest) => void;
}

/**
 * Saved requests for this set of documents (localStorage), each with an optional expectation and its live
 * verdict; export/import as test-case files; suggestions that exercise each rule.
 */
export function PresetsSection({ current, onLoad }: PresetsProps) {
  const { model, index } = useSettledDerived();
  const key = presetKey(model);
  const [presets, setPresets] = useState<SavedRequest[]>(() => loadPresets(browserStorage(), key));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setPresets(loadPresets(browserStorage(), key)), [key]);
  const suggested = useMemo(() => suggestPresets(model, index), [model, index]);
  const verdicts = useVerdicts(presets);

  const update = (next: SavedRequest[]) => {
    setPresets(next);
    setError(storePresets(browserStorage(), key, next));
  };
  const save = () => {
    const request = current();
    if (name.trim() === '' || !request) return;
    // Saving again under a name keeps the expectation already set for it.
    const expect = presets.find((p) => p.name === name.trim())?.expect;
    update(upsertPreset(presets, expect ? { name, request, expect } : { name, request }));
    setName('');
  };
  const expectThis = (p: SavedRequest) => {
    const text = formatExpectation(expectationFrom(simulate(model, index, p.request)));
    update(setExpectation(presets, p.name, text));
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
          <PresetRow
            key={p.name}
            preset={p}
            verdict={verdicts.get(p.name)}
            onLoad={() => onLoad(p.request)}
            onDelete={() => update(removePreset(presets, p.name))}
            onExpect={(text) => update(setExpectation(presets, p.name, text))}
            onExpectThis={() => expectThis(p)}
          />
        ))}
      </ul>
      <TestCaseIo
        presets={presets}
        onImport={(list) => update(list.reduce((acc, r) => upsertPreset(acc, r), presets))}
      />
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
