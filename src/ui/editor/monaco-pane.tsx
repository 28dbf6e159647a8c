import { useEffect, useRef, useState } from 'react';
import { BIG_TEXT } from '../../state/derive-scheduler';
import { useStudioInstance } from '../store-context';
import { registerCodeActions } from './code-actions';
import { setMarkers } from './markers';
import { startMarkerSync } from './marker-sync';
import { monaco, setupMonaco } from './monaco-setup';
import { yamlSchemas } from './schemas';
import { startTextSync } from './text-sync';
import './monaco-pane.css';

function themeName(): string {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs';
}

/** The YAML pane: Monaco owns typing and the undo history; the store mirrors its text (see `text-sync.ts`). */
export default function MonacoPane() {
  const host = useRef<HTMLDivElement>(null);
  const studio = useStudioInstance();
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const { store } = studio;
    setupMonaco(yamlSchemas());
    const model = monaco.editor.createModel(
      store.getState().text,
      'yaml',
      monaco.Uri.parse('file:///mesh.yaml'),
    );
    const editor = monaco.editor.create(el, {
      model,
      theme: themeName(),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      renderWhitespace: 'boundary',
      'semanticHighlighting.enabled': false,
      // Folding, sticky scroll and links from indentation, not from the YAML worker: on a big paste the worker
      // re-read the whole text for each of them, competing for the CPU with the parse worker.
      foldingStrategy: 'indentation',
      stickyScroll: { enabled: true, defaultModel: 'indentationModel' },
      links: false,
    });
    studio.editor.attach(editor);
    const stopSync = startTextSync(studio, model, editor, {
      // `data-busy` on the pane while a big text waits to enter the editor (read-only meanwhile).
      onWaiting: (waiting) => setWaiting(waiting),
    });
    // Sticky scroll re-reads the whole model's indentation after every change (~17 ms a key at 10,000
    // resources in typing.bench): off while the text is big, as the scheduler's keystrokes must stay cheap there.
    let sticky = true;
    const stickyForSize = () => {
      const want = model.getValueLength() < BIG_TEXT;
      if (want === sticky) return;
      sticky = want;
      editor.updateOptions({ stickyScroll: { enabled: want } });
    };
    stickyForSize();
    const sized = model.onDidChangeContent(stickyForSize);
    const codeActions = registerCodeActions(monaco, studio);
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onTheme = () => monaco.editor.setTheme(themeName());
    media?.addEventListener('change', onTheme);

    // Markers follow the settled derivation of the text the editor holds (see `marker-sync.ts`).
    const stopMarkers = startMarkerSync(studio, model, (d) =>
      // The model holds the derivation's text here (marker-sync checks), so its positions are the text's.
      setMarkers(monaco, model, d.diagnostics, {
        at: (offset) => {
          const p = model.getPositionAt(offset);
          return { line: p.lineNumber, col: p.column };
        },
      }),
    );

    return () => {
      stopMarkers();
      stopSync();
      sized.dispose();
      codeActions.dispose();
      media?.removeEventListener('change', onTheme);
      studio.editor.attach(undefined);
      editor.dispose();
      model.dispose();
    };
  }, [studio]);

  return (
    <>
      <div ref={host} className="monaco-host nokey" data-busy={waiting ? 'true' : 'false'} />
      {waiting && (
        <div className="monaco-waiting" role="status">
          Opening the text in the editor…
        </div>
      )}
    </>
  );
}
