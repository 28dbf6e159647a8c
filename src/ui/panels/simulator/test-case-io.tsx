import { useRef, useState } from 'react';
import { casesToRequests } from '../../../core/testcases/import';
import { parseTestCases } from '../../../core/testcases/parse';
import { serialiseCases } from '../../../core/testcases/serialise';
import { parseExpectationText, formatExpectation } from '../../../core/testcases/expectation-text';
import { downloadBlob } from '../../dialogs/export/download';
import { useSettledDerived } from '../../store-context';
import type { SavedRequest } from './preset-storage';

interface TestCaseIoProps {
  presets: readonly SavedRequest[];
  /** Adds imported requests (replacing saved ones of the same name). */
  onImport: (requests: SavedRequest[]) => void;
}

export const TEST_FILE_NAME = 'routing-tests.yaml';

/**
 * Export of the saved requests with an expectation as a test-case file `its test` runs (our format), and import
 * of one (ours or istio-config-validator's) as saved requests; what cannot come across is said, not dropped
 * silently.
 */
export function TestCaseIo({ presets, onImport }: TestCaseIoProps) {
  const { model, namespace } = useSettledDerived();
  const [note, setNote] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  const exportCases = () => {
    const cases = presets.map((p) => ({
      name: p.name,
      request: p.request,
      expect: parseExpectationText(p.expect ?? '').expect,
    }));
    const { text, skipped } = serialiseCases(cases);
    downloadBlob(new Blob([text], { type: 'application/yaml' }), TEST_FILE_NAME);
    setNote(skipped.length ? `Left out: ${skipped.join('; ')}` : undefined);
  };

  const importFile = async (file: File) => {
    const { cases, errors } = parseTestCases(file.name, await file.text());
    const { requests, skipped } = casesToRequests(model, cases, namespace.name);
    onImport(
      requests.map((r) => ({ name: r.name, request: r.request, expect: formatExpectation(r.expect) })),
    );
    const problems = [
      ...errors.map((e) => `${file.name}:${e.line}:${e.column}: ${e.message}`),
      ...skipped.map((s) => `skipped ${s}`),
    ];
    setNote(
      `Imported ${requests.length} of ${cases.length} cases.${problems.length ? ` ${problems.join('; ')}` : ''}`,
    );
  };

  return (
    <div className="sim-row sim-cases">
      <button
        type="button"
        data-testid="sim-cases-export"
        disabled={!presets.some((p) => p.expect)}
        title="Download the saved requests with an expectation as a test-case file for its test"
        onClick={exportCases}
      >
        Export tests
      </button>
      <button type="button" data-testid="sim-cases-import-open" onClick={() => input.current?.click()}>
        Import tests
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".yaml,.yml,.json"
        data-testid="sim-cases-import"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
          e.target.value = '';
        }}
      />
      {note && (
        <p className="muted" data-testid="sim-cases-note">
          {note}
        </p>
      )}
    </div>
  );
}
