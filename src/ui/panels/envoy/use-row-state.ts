import { useState } from 'react';

/**
 * What an Envoy table remembers of its rows: which ones are open to their JSON, and the one last clicked (marked,
 * so the person sees which one the YAML and canvas now show).
 */
export function useRowState() {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const [active, setActive] = useState<string>();
  return { open, toggle, active, setActive };
}
