import { useEffect, useRef } from 'react';
import { rangeOfElement } from '../../core/graph/reveal';
import { useSettledDerived, useStudioInstance } from '../store-context';

export interface MenuState {
  x: number;
  y: number;
  nodeId?: string;
  edgeId?: string;
}

/** Right-click menu on a node or edge: reveal its YAML, delete it. */
export function ContextMenu({
  menu,
  onClose,
  onDelete,
}: {
  menu: MenuState;
  onClose: () => void;
  onDelete: () => void;
}) {
  const d = useSettledDerived();
  const studio = useStudioInstance();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const id = menu.edgeId ?? menu.nodeId ?? '';
  return (
    <div
      className="context-menu"
      role="menu"
      data-testid="context-menu"
      style={{ left: menu.x, top: menu.y }}
    >
      <button
        ref={first}
        type="button"
        role="menuitem"
        onClick={() => {
          const r = rangeOfElement(d.parsed, d.graph, id);
          if (r) studio.reveal(r[0], r[1]);
          onClose();
        }}
      >
        Show YAML
      </button>
      <button
        type="button"
        role="menuitem"
        data-testid="context-delete"
        onClick={() => {
          onDelete();
          onClose();
        }}
      >
        Delete
      </button>
    </div>
  );
}
