import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { connectIntent, deleteIntent, dropIntent, type PaletteKind } from '../edit/canvas-intents';
import { dispatchIntent } from '../edit/dispatch';
import { PALETTE_MIME } from '../panels/palette';
import { useStudioInstance } from '../store-context';

const KINDS = new Set<string>([
  'service',
  'deployment',
  'destinationrule',
  'subset',
  'virtualservice',
  'gateway',
]);

function isPaletteKind(k: string): k is PaletteKind {
  return KINDS.has(k);
}

/** Canvas gestures as edit intents: palette drops, connections, deletion. */
export function useCanvasActions() {
  const studio = useStudioInstance();
  const store = studio.store;
  const rf = useReactFlow();

  const add = useCallback(
    (kind: PaletteKind, at?: { x: number; y: number }, nearId?: string) => {
      const d = studio.current();
      const near = d.graph.nodes.find((n) => n.id === (nearId ?? store.getState().selection.nodeId));
      const intent = dropIntent(d, kind, near);
      if (!intent) {
        store.getState().notify('Add a DestinationRule first: a subset lives inside one.', 'error');
        return;
      }
      const r = dispatchIntent(studio, intent);
      if (r.ok && r.select && at && kind !== 'subset') store.getState().movePosition(r.select, at);
    },
    [studio, store],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!isPaletteKind(kind)) return;
      e.preventDefault();
      e.stopPropagation();
      const under = document
        .elementsFromPoint(e.clientX, e.clientY)
        .find((el) => el instanceof HTMLElement && el.dataset.nodeId);
      const nearId = under instanceof HTMLElement ? under.dataset.nodeId : undefined;
      add(kind, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }), nearId);
    },
    [add, rf],
  );

  const connect = useCallback(
    (source: string, sourceHandle: string | null, target: string, targetHandle: string | null) => {
      const d = studio.current();
      const intent = connectIntent(d, source, sourceHandle, target, targetHandle);
      if (typeof intent === 'string') store.getState().notify(`Cannot connect: ${intent}.`, 'error');
      else dispatchIntent(studio, intent);
    },
    [studio, store],
  );

  const removeSelected = useCallback(() => {
    const d = studio.current();
    const intent = deleteIntent(d, store.getState().selection);
    if (typeof intent === 'string') store.getState().notify(`Cannot delete: ${intent}.`, 'error');
    else if (dispatchIntent(studio, intent).ok) store.getState().select({});
  }, [studio, store]);

  return { add, onDragOver, onDrop, connect, removeSelected };
}
