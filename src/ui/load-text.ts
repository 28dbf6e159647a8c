import type { StudioStore } from '../state/store';

/** Replaces the whole text (one undo step in the editor) and lays the new graph out afresh. */
export function replaceText(store: StudioStore, text: string): void {
  const s = store.getState();
  s.setPositions({});
  s.setText(text);
  s.select({});
  s.requestFit();
}

/** Appends documents to the text, keeping what is there. */
export function appendText(store: StudioStore, text: string): void {
  const s = store.getState();
  const cur = s.text;
  if (cur.trim() === '') {
    s.setText(text);
  } else {
    const sep = cur.endsWith('\n') ? '---\n' : '\n---\n';
    s.setText(cur + sep + text.replace(/^---\r?\n/, ''));
  }
  s.requestFit();
}
