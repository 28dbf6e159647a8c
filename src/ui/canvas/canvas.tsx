import {
  Background,
  ConnectionMode,
  ControlButton,
  Controls,
  ReactFlow,
  applyNodeChanges,
  useStore as useFlowStore,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StudioState } from '../../state/store';
import { useSettledDerived, useDeriveBusy, useStudio, useStudioStore } from '../store-context';
import { StudioNodeComponent } from './nodes/studio-node';
import { StudioEdgeComponent } from './studio-edge';
import {
  createFlowCache,
  summariseDiagnostics,
  toFlow,
  type StudioEdge,
  type StudioNode,
  type Trace,
} from './to-flow';
import { selectionAfter, withSelection } from './selection-sync';
import { usePositions } from './use-positions';
import { useCanvasActions } from './use-canvas-actions';
import { Palette } from '../panels/palette';
import { DeriveProgress } from './derive-progress';
import { useFit } from './use-fit';
import { EmptyCanvas } from './empty-canvas';
import { OverviewMap } from './overview-map';
import { ContextMenu, type MenuState } from './context-menu';
import { CanvasFilters, filterGraph, NO_FILTER, type GraphFilter } from './filters';
import { useCompareOverlay } from '../compare/compare-context';
import { CompareLegendSlot } from '../compare/compare-lazy';
import { edgesNear, nodeBoxes, sameWindow, viewOf, windowOf } from './edges-in-view';

const nodeTypes = { studio: StudioNodeComponent };
const edgeTypes = { studio: StudioEdgeComponent };
const selectSelection = (s: StudioState) => s.selection;
const selectFit = (s: StudioState) => s.fitRequest;

export interface CanvasProps {
  trace: Trace | undefined;
}

/** The graph canvas: a picture of the derived graph, and the place where canvas actions start. */
export function Canvas({ trace }: CanvasProps) {
  const derived = useSettledDerived();
  const busy = useDeriveBusy();
  const store = useStudioStore();
  const selection = useStudio(selectSelection);
  const fitRequest = useStudio(selectFit);
  // While comparing, the union of base and head (ghosts of removed elements among the head's); else the graph.
  const compared = useCompareOverlay();
  const graph = compared?.graph ?? derived.graph;
  const positions = usePositions(graph);
  const diags = useMemo(() => summariseDiagnostics(derived.diagnostics), [derived.diagnostics]);
  const stale = derived.parseErrors.length > 0;
  const [filter, setFilter] = useState<GraphFilter>(NO_FILTER);
  const shown = useMemo(() => filterGraph(graph, filter), [graph, filter]);
  // Unchanged graph elements keep their React Flow objects from one derivation to the next (see FlowCache).
  const [cache] = useState(createFlowCache);
  const flow = useMemo(
    () => toFlow(shown, positions, diags, trace, stale, compared, cache),
    [shown, positions, diags, trace, stale, compared, cache],
  );

  // Local node state only for what React Flow changes itself (drag positions, sizes); never the selection.
  // New flow nodes replace it in the same render (not in an effect, which drew every key twice).
  const [local, setLocal] = useState({ from: flow.nodes, nodes: flow.nodes });
  let localNodes = local.nodes;
  if (local.from !== flow.nodes) {
    localNodes = flow.nodes;
    setLocal({ from: flow.nodes, nodes: flow.nodes });
  }
  const setNodes = useCallback(
    (f: (ns: StudioNode[]) => StudioNode[]) => setLocal((l) => ({ from: l.from, nodes: f(l.nodes) })),
    [],
  );
  // The store's selection, marked in the same render for nodes and edges (see selection-sync.ts).
  const nodes = useMemo(() => withSelection(localNodes, selection.nodeId), [localNodes, selection.nodeId]);
  // React Flow gets only the edges near the view (see edges-in-view.ts); the view counts only once it moves on.
  const view = useFlowStore(viewOf, sameWindow);
  const boxes = useMemo(() => nodeBoxes(shown, positions), [shown, positions]);
  const [near] = useState(() => ({ last: undefined as StudioEdge[] | undefined }));
  const nearEdges = useMemo(() => {
    near.last = edgesNear(flow.edges, boxes, view && windowOf(view), selection.edgeId, near.last);
    return near.last;
  }, [near, flow.edges, boxes, view, selection.edgeId]);
  const edges = useMemo(() => withSelection(nearEdges, selection.edgeId), [nearEdges, selection.edgeId]);

  // React Flow's select changes (clicks, selection box, keys) go to the store, and come back as props.
  const selectFrom = useCallback(
    (of: 'node' | 'edge', changes: readonly { type: string; id?: string; selected?: boolean }[]) => {
      const next = selectionAfter(store.getState().selection, of, changes);
      if (next) store.getState().select(next);
    },
    [store],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange<StudioNode>[]) => {
      const rest = changes.filter((c) => c.type !== 'select');
      if (rest.length > 0) setNodes((ns) => applyNodeChanges(rest, ns));
      for (const c of rest) {
        if (c.type === 'position' && c.position && c.dragging === false)
          store.getState().movePosition(c.id, c.position);
      }
      selectFrom('node', changes);
    },
    [store, selectFrom, setNodes],
  );
  const onEdgesChange = useCallback((changes: EdgeChange[]) => selectFrom('edge', changes), [selectFrom]);

  const actions = useCanvasActions();
  const { removeSelected } = actions;
  // Delete/Backspace anywhere but in text fields and Monaco deletes the selected node or edge.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target instanceof Element ? e.target : null;
      if (e.key !== 'Delete' && e.key !== 'Backspace') return;
      if (t?.closest('input, textarea, select, [contenteditable="true"], .monaco-host, dialog')) return;
      e.preventDefault();
      removeSelected();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [removeSelected]);
  const [menu, setMenu] = useState<MenuState | undefined>();
  const canvasRef = useRef<HTMLDivElement>(null);
  const fit = useFit(canvasRef, shown, positions);
  // Fit once the nodes of a new text have their positions (the layout lands a render after the text).
  // The first graph is fitted too: React Flow's own fit on init waits for a node to be measured, and with
  // only visible nodes drawn none is when the saved positions lie outside the first viewport (an empty canvas).
  const pendingFit = useRef(-1);
  useEffect(() => {
    if (fitRequest > 0) pendingFit.current = fitRequest;
  }, [fitRequest]);
  useEffect(() => {
    // Not while a newer text is on its way: the fit is for the text that asked for it.
    // The graph being drawn, not React Flow's node state, which still holds the old text's nodes for a render.
    const top = shown.nodes.some((n) => !n.parentId);
    if (pendingFit.current === 0 || !top || busy) return;
    pendingFit.current = 0;
    requestAnimationFrame(() => requestAnimationFrame(fit));
  }, [shown, positions, busy, fit]);
  // F fits (outside text fields and Monaco), as the shortcut sheet says.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target instanceof Element ? e.target : null;
      if (e.key !== 'f' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (t?.closest('input, textarea, select, [contenteditable="true"], .monaco-host, dialog')) return;
      e.preventDefault();
      fit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fit]);

  return (
    <div
      className={`canvas${stale ? ' stale' : ''}`}
      data-testid="canvas"
      ref={canvasRef}
      data-node-count={derived.graph.nodes.length}
      data-edge-count={derived.graph.edges.length}
      data-busy={busy ? 'true' : 'false'}
      onDragOver={actions.onDragOver}
      onDrop={actions.onDrop}
    >
      <div className="canvas-top">
        <Palette onAdd={(k) => actions.add(k)} />
        <CanvasFilters graph={derived.graph} value={filter} onChange={setFilter} />
      </div>
      <CompareLegendSlot />
      <DeriveProgress />
      {derived.graph.nodes.length === 0 && !busy && <EmptyCanvas />}
      <ReactFlow<StudioNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onPaneClick={() => {
          store.getState().select({});
          setMenu(undefined);
        }}
        onConnect={(c) => actions.connect(c.source, c.sourceHandle ?? null, c.target, c.targetHandle ?? null)}
        onNodeContextMenu={(e, n) => {
          e.preventDefault();
          // A comparison's ghost (only the base has it) offers nothing to do.
          if (n.selectable === false) return;
          store.getState().select({ nodeId: n.id });
          setMenu({ x: e.clientX, y: e.clientY, nodeId: n.id });
        }}
        onEdgeContextMenu={(e, ed) => {
          e.preventDefault();
          if (ed.selectable === false) return;
          store.getState().select({ edgeId: ed.id });
          setMenu({ x: e.clientX, y: e.clientY, edgeId: ed.id });
        }}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        onlyRenderVisibleElements
        // Scrolling moves the picture (Ctrl+scroll or a pinch zooms): a graph larger than the window at a
        // readable zoom is scrolled through, as a page is.
        panOnScroll
        zIndexMode="manual"
        minZoom={0.05}
        colorMode="system"
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showFitView={false}>
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={fit}
            title="Fit the graph (F)"
            aria-label="fit view"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
            </svg>
          </ControlButton>
        </Controls>
        <OverviewMap graph={shown} positions={positions} />
      </ReactFlow>
      {menu && (
        <ContextMenu menu={menu} onClose={() => setMenu(undefined)} onDelete={actions.removeSelected} />
      )}
    </div>
  );
}
