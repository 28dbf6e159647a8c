import type * as Monaco from 'monaco-editor';
import type { Diagnostic, QuickFix } from '../../core/validate/types';
import type { EditorPort, Studio } from '../../state/studio';
import { applyQuickFix } from '../edit/quick-fix';

const COMMAND = 'istio-traffic-studio.applyQuickFix';

/** A quick fix offered at [start, end): the diagnostics whose range touches it, each with its fixes. */
export function fixesInRange(
  diagnostics: readonly Diagnostic[],
  start: number,
  end: number,
): { diagnostic: Diagnostic; fix: QuickFix }[] {
  return diagnostics
    .filter((d) => d.fixes?.length && d.range[0] <= end && Math.max(d.range[1], d.range[0] + 1) >= start)
    .flatMap((d) => (d.fixes ?? []).map((fix) => ({ diagnostic: d, fix })));
}

/**
 * A diagnostic's first fix is its preferred one (a rule lists "Change to `v2`" before "Add subset V2"): Monaco
 * shows preferred actions first and applies one on "auto fix".
 */
export function isPreferredFix(diagnostic: Diagnostic, fix: QuickFix): boolean {
  return diagnostic.fixes?.[0] === fix;
}

function markerCode(m: Monaco.editor.IMarkerData): string | undefined {
  return typeof m.code === 'string' ? m.code : m.code?.value;
}

/**
 * Offers every diagnostic's fixes as Monaco quick fixes at its marker; running one applies it (`applyQuickFix`:
 * an intent like any canvas action, or a text fix as it is; minimal edit, one undo step). Fixes come from the
 * settled derivation: Monaco asks on every cursor move, and on a big text that must not derive it again.
 */
export function registerCodeActions(monaco: typeof Monaco, studio: Studio<EditorPort>): Monaco.IDisposable {
  const { store } = studio;
  const command = monaco.editor.registerCommand(COMMAND, (_accessor: unknown, fix: QuickFix) => {
    applyQuickFix(studio, fix);
  });
  const provider = monaco.languages.registerCodeActionProvider(
    'yaml',
    {
      provideCodeActions(model, range, context) {
        const text = model.getValue();
        const derived = studio.settled().derived;
        if (text !== store.getState().text || derived.text !== text)
          return { actions: [], dispose: () => undefined };
        const start = model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn });
        const end = model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn });
        const found = fixesInRange(derived.diagnostics, start, end);
        const actions = found.map(({ diagnostic, fix }) => {
          const at = model.getPositionAt(diagnostic.range[0]);
          const markers = context.markers.filter(
            (m) =>
              markerCode(m) === diagnostic.code &&
              m.startLineNumber === at.lineNumber &&
              m.startColumn === at.column,
          );
          return {
            title: `${fix.title} (${diagnostic.code})`,
            kind: 'quickfix',
            diagnostics: markers,
            isPreferred: isPreferredFix(diagnostic, fix),
            command: { id: COMMAND, title: fix.title, arguments: [fix] },
          };
        });
        return { actions, dispose: () => undefined };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
  return {
    dispose: () => {
      provider.dispose();
      command.dispose();
    },
  };
}
