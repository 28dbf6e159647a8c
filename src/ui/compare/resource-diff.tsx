import { useEffect, useRef } from 'react';
import { monaco } from '../editor/monaco-setup';

const LINE_PX = 19;
const MAX_LINES = 28;

/**
 * A resource's two texts in Monaco's diff editor, read-only and inline (the side panel is narrow). The
 * editor follows new texts as the person types, keeping its own models so nothing leaks into the YAML pane.
 */
export function ResourceDiff({ before, after }: { before: string; after: string }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneDiffEditor | undefined>(undefined);
  const models = useRef<{ original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel }>(
    undefined,
  );

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const original = monaco.editor.createModel('', 'yaml');
    const modified = monaco.editor.createModel('', 'yaml');
    models.current = { original, modified };
    const diff = monaco.editor.createDiffEditor(el, {
      readOnly: true,
      originalEditable: false,
      renderSideBySide: false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderOverviewRuler: false,
      lineNumbers: 'off',
      fontSize: 12,
    });
    diff.setModel({ original, modified });
    editor.current = diff;
    return () => {
      diff.dispose();
      original.dispose();
      modified.dispose();
      editor.current = undefined;
      models.current = undefined;
    };
  }, []);

  useEffect(() => {
    const m = models.current;
    if (!m) return;
    if (m.original.getValue() !== before) m.original.setValue(before);
    if (m.modified.getValue() !== after) m.modified.setValue(after);
  }, [before, after]);

  const lines = Math.max(before.split('\n').length, after.split('\n').length) + 2;
  return (
    <div
      className="resource-diff"
      data-testid="change-diff"
      ref={host}
      style={{ height: Math.min(lines, MAX_LINES) * LINE_PX }}
    />
  );
}
