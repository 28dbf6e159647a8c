import { useCallback, useEffect, useState } from 'react';
import { defaultSizes, PANES_KEY, readSizes, type PaneSizes } from './pane-sizes';

/** Pane sizes, remembered in localStorage (a failing storage only loses the memory). */
export function usePaneSizes(): [PaneSizes, (patch: Partial<PaneSizes>) => void] {
  const [sizes, setSizes] = useState<PaneSizes>(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(PANES_KEY);
    } catch {
      // private mode or storage disabled: defaults
    }
    return readSizes(stored) ?? defaultSizes(window.innerWidth);
  });
  useEffect(() => {
    try {
      localStorage.setItem(PANES_KEY, JSON.stringify(sizes));
    } catch {
      // as above
    }
  }, [sizes]);
  const update = useCallback((patch: Partial<PaneSizes>) => setSizes((s) => ({ ...s, ...patch })), []);
  return [sizes, update];
}
