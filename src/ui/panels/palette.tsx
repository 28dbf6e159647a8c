import { PALETTE } from '../edit/canvas-intents';

export const PALETTE_MIME = 'application/x-its-kind';

/** Drag an item onto the canvas to create it where it is dropped (or press Enter to add it). */
export function Palette({ onAdd }: { onAdd: (kind: (typeof PALETTE)[number]['kind']) => void }) {
  return (
    <aside className="palette" aria-label="Palette">
      {PALETTE.map((p) => (
        <div
          key={p.kind}
          className={`palette-item kind-${p.kind}`}
          data-testid={`palette-${p.kind}`}
          draggable
          tabIndex={0}
          role="button"
          title={`${p.hint}. Drag onto the canvas, or press Enter.`}
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, p.kind);
            e.dataTransfer.effectAllowed = 'copy';
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onAdd(p.kind);
            }
          }}
        >
          {p.label}
        </div>
      ))}
    </aside>
  );
}
