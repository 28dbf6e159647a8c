import { useMemo, useState } from 'react';
import type { SimRequest } from '../../../core/simulate/types';
import type { StudioState } from '../../../state/store';
import { useSettledDerived, useStudio, useStudioStore } from '../../store-context';
import { defaultForm, formToRequest, gatewayOptions, hostOptions, requestToForm, type SimForm } from './form';
import { PresetsSection } from './presets-section';
import { RequestForm } from './request-form';
import { ResultView } from './result-view';
import { useSimResult } from './use-trace';

const selectSimRequest = (s: StudioState) => s.simRequest;

/** Request what-if tracer (issue 7): describe a request, see where it goes; the canvas shows the path. */
export function SimulatorPanel() {
  const store = useStudioStore();
  const { model } = useSettledDerived();
  const simRequest = useStudio(selectSimRequest);
  const result = useSimResult();
  const hosts = useMemo(() => hostOptions(model), [model]);
  const gateways = useMemo(() => gatewayOptions(model), [model]);
  const [form, setForm] = useState<SimForm>(() =>
    simRequest ? requestToForm(simRequest) : defaultForm(hosts[0]),
  );
  const [errors, setErrors] = useState<string[]>([]);

  const run = (f: SimForm = form) => {
    const { request, errors: errs } = formToRequest(f);
    setErrors(errs);
    if (request) store.getState().setSimRequest(request);
  };
  const load = (r: SimRequest) => {
    const f = requestToForm(r);
    setForm(f);
    run(f);
  };

  return (
    <div className="simulator" data-testid="simulator">
      <RequestForm
        form={form}
        hosts={hosts}
        gateways={gateways}
        onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
        onRun={() => run()}
      />
      <div className="sim-actions">
        <button type="button" className="primary" data-testid="sim-run" onClick={() => run()}>
          Run
        </button>
        <button
          type="button"
          data-testid="sim-clear"
          disabled={simRequest === undefined}
          onClick={() => store.getState().setSimRequest(undefined)}
        >
          Clear
        </button>
      </div>
      {errors.map((e) => (
        <p key={e} className="sim-problem" role="alert">
          {e}
        </p>
      ))}
      <PresetsSection current={() => formToRequest(form).request} onLoad={load} />
      {result ? (
        <ResultView result={result} />
      ) : (
        <p className="muted">Describe a request and run it to see which rule it matches and where it goes.</p>
      )}
    </div>
  );
}
