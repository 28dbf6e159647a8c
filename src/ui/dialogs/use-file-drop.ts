import { useEffect, useState } from 'react';
import { appendText, replaceText } from '../load-text';
import { useStudioStore } from '../store-context';
import { readYamlFile } from './read-file';

/** Dropping a .yaml file on the window imports it (replace; Shift appends). */
export function useFileDrop(): boolean {
  const store = useStudioStore();
  const [over, setOver] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = async (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const f = e.dataTransfer?.files[0];
      if (!f) return;
      const r = await readYamlFile(f);
      if (!r.ok) {
        store.getState().notify(r.reason, 'error');
        return;
      }
      if (e.shiftKey) appendText(store, r.text);
      else replaceText(store, r.text);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [store]);
  return over;
}
