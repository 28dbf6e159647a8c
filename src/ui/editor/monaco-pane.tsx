import { useEffect, useRef, useState } from 'react';
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
    const codeActions = registerCodeActions(monaco, studio);
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onTheme = () => monaco.editor.setTheme(themeName());
    media?.addEventListener('change', onTheme);

    // Markers follow the settled derivation of the text the editor holds (see `marker-sync.ts`).
    const stopMarkers = startMarkerSync(studio, model, (d) =>
      setMarkers(monaco, model, d.diagnostics, d.text),
    );

    return () => {
      stopMarkers();
      stopSync();
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
