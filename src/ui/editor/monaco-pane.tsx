import { useEffect, useRef } from 'react';
import { elementAtOffset } from '../../core/graph/reveal';
import { LineIndex } from '../../core/yaml/line-index';
import { derivedOf, isDerivedFrom } from '../../state/derived';
import { useScheduler, useStudioStore } from '../store-context';
import { attachEditor, revealOffsets } from './bridge';
import { registerCodeActions } from './code-actions';
import { spliceBetween, type Splice } from './text-diff';
import { BIG_TEXT } from '../../state/derive-scheduler';
import { toMarkers } from './markers';
import { monaco, setupMonaco } from './monaco-setup';
import { yamlSchemas } from './schemas';
import { rangeOfElement } from '../../core/graph/reveal';

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

function themeName(): string {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs';
}

/** The YAML pane: Monaco owns typing and the undo history; the store mirrors its text. */
export default function MonacoPane() {
  const host = useRef<HTMLDivElement>(null);
  const store = useStudioStore();
  const scheduler = useScheduler();

  useEffect(() => {
    const el = host.current;
    if (!el) return;
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
    attachEditor(editor);
    const codeActions = registerCodeActions(monaco, store, () => scheduler.get().derived);
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onTheme = () => monaco.editor.setTheme(themeName());
    media?.addEventListener('change', onTheme);

    let fromEditor = false;
    const sub = model.onDidChangeContent(() => {
      fromEditor = true;
      store.getState().setText(model.getValue());
      fromEditor = false;
    });
    // Text set elsewhere (import, example, canvas) enters the editor as one undoable edit of just what changed.
    const enter = ({ start, end, text }: Splice) => {
      const range = monaco.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(end));
      model.pushStackElement();
      model.pushEditOperations([], [{ range, text }], () => null);
      model.pushStackElement();
    };
    let deferred: ReturnType<typeof setTimeout> | undefined;
    const unsub = store.subscribe((s, prev) => {
      const current =
        s.text !== prev.text && !fromEditor && deferred === undefined ? model.getValue() : s.text;
      if (current !== s.text) {
        const splice = spliceBetween(current, s.text);
        if (splice.text.length + splice.end - splice.start < BIG_TEXT) enter(splice);
        else {
          // A big paste: let the click that made it finish (and the progress show) before Monaco takes its
          // share, read-only meanwhile so a key pressed in between cannot act on the old text.
          editor.updateOptions({ readOnly: true });
          deferred = setTimeout(() => {
            deferred = undefined;
            enter(spliceBetween(model.getValue(), store.getState().text));
            editor.updateOptions({ readOnly: false });
          });
        }
      }
      if (s.selection !== prev.selection && !cursorDriven) {
        const id = s.selection.edgeId ?? s.selection.nodeId;
        // Only a selection needs a derivation (a paste clears it: deriving there would parse the paste here).
        const settled = scheduler.get().derived;
        const d = id && !isDerivedFrom(settled, s) ? derivedOf(s) : settled;
        const range = id ? rangeOfElement(d.parsed, d.graph, id) : undefined;
        if (range) revealOffsets(range[0], range[1]);
      }
    });
    let cursorDriven = false;
    const cursor = editor.onDidChangeCursorPosition((e) => {
      // Only the person's own cursor moves select: not edits (canvas, forms, undo) moving it along.
      if (e.source !== 'keyboard' && e.source !== 'mouse') return;
      // The settled derivation, not a fresh one: on a big text, arrowing around must not re-derive it.
      const d = scheduler.get().derived;
      if (d.text !== model.getValue()) return;
      const offset = model.getOffsetAt(e.position);
      const hit = elementAtOffset(d.parsed, d.model, d.graph, offset);
      const sel = store.getState().selection;
      if (hit.nodeId !== sel.nodeId || hit.edgeId !== sel.edgeId) {
        cursorDriven = true;
        store.getState().select(hit);
        cursorDriven = false;
      }
    });
    return () => {
      if (deferred !== undefined) clearTimeout(deferred);
      sub.dispose();
      cursor.dispose();
      codeActions.dispose();
      unsub();
      media?.removeEventListener('change', onTheme);
      attachEditor(undefined);
      editor.dispose();
      model.dispose();
    };
  }, [store, scheduler]);

  // Markers follow the settled derivation (at once for ordinary texts, after a pause in typing for big ones).
  useEffect(() => {
    const apply = () => {
      const model = monaco.editor.getModels()[0];
      const d = scheduler.get().derived;
      if (!model || model.getValue() !== d.text) return;
      const markers = toMarkers(d.diagnostics, new LineIndex(d.text)).map((m) => ({
        ...m,
        severity: SEVERITY[m.severity],
      }));
      monaco.editor.setModelMarkers(model, 'istio-traffic-studio', markers);
    };
    apply();
    return scheduler.subscribe(apply);
  }, [scheduler]);

  return <div ref={host} className="monaco-host nokey" />;
}
