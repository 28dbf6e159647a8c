import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface PaneResizerProps {
  testId: string;
  label: string;
  /** 'x': a border between columns; 'y': a border above a panel. */
  axis: 'x' | 'y';
  /** The size being dragged, when the drag starts. */
  size: number;
  /** +1 when dragging right (or down) grows the pane, -1 when it shrinks it. */
  sign: 1 | -1;
  onResize(size: number): void;
  /** Double-click or Enter: collapse, or open again. */
  onToggle(): void;
}

/**
 * A draggable pane border. Pointer capture keeps the drag when the pointer crosses Monaco or the canvas;
 * arrow keys move it by 20 px for those who do not drag.
 */
export function PaneResizer({ testId, label, axis, size, sign, onResize, onToggle }: PaneResizerProps) {
  const drag = useRef<{ start: number; size: number } | undefined>(undefined);
  const at = (e: PointerEvent) => (axis === 'x' ? e.clientX : e.clientY);
  return (
    <div
      className={`pane-resizer pane-resizer-${axis}${size === 0 ? ' collapsed' : ''}`}
      data-testid={testId}
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={label}
      aria-valuenow={size}
      tabIndex={0}
      title={`${label}: drag to resize, double-click to ${size === 0 ? 'open' : 'collapse'}`}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { start: at(e), size };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d) onResize(d.size + sign * (at(e) - d.start));
      }}
      onPointerUp={() => {
        drag.current = undefined;
      }}
      onPointerCancel={() => {
        drag.current = undefined;
      }}
      onDoubleClick={onToggle}
      onKeyDown={(e: KeyboardEvent) => {
        const step =
          e.key === (axis === 'x' ? 'ArrowRight' : 'ArrowDown')
            ? 20
            : e.key === (axis === 'x' ? 'ArrowLeft' : 'ArrowUp')
              ? -20
              : 0;
        if (step) {
          e.preventDefault();
          onResize(size + sign * step);
        } else if (e.key === 'Enter') {
          e.preventDefault();
          onToggle();
        }
      }}
    />
  );
}
