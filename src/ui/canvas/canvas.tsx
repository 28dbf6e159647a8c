import {
  Background,
  ConnectionMode,
  Controls,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StudioState } from '../../state/store';
import { useSettledDerived, useDeriveBusy, useStudio, useStudioStore } from '../store-context';
import { StudioNodeComponent } from './nodes/studio-node';
import { StudioEdgeComponent } from './studio-edge';
import { summariseDiagnostics, toFlow, type StudioNode, type Trace } from './to-flow';
import { selectionAfter, withSelection } from './selection-sync';
import { usePositions } from './use-positions';
import { useCanvasActions } from './use-canvas-actions';
import { Palette } from '../panels/palette';
import { DeriveProgress } from './derive-progress';
import { FIT_OPTIONS, fitTarget, startViewport } from './fit-target';
import { OverviewMap } from './overview-map';
import { ContextMenu, type MenuState } from './context-menu';
import { CanvasFilters, filterGraph, NO_FILTER, type GraphFilter } from './filters';

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
  const positions = usePositions(derived.graph);
  const diags = useMemo(() => summariseDiagnostics(derived.diagnostics), [derived.diagnostics]);
  const stale = derived.parseErrors.length > 0;
  const [filter, setFilter] = useState<GraphFilter>(NO_FILTER);
  const shown = useMemo(() => filterGraph(derived.graph, filter), [derived.graph, filter]);
  const flow = useMemo(
    () => toFlow(shown, positions, diags, trace, stale),
    [shown, positions, diags, trace, stale],
  );

  // Local node state only for what React Flow changes itself (drag positions, sizes); never the selection.
  const [localNodes, setNodes] = useState<StudioNode[]>(flow.nodes);
  useEffect(() => setNodes(flow.nodes), [flow.nodes]);
  // The store's selection, marked in the same render for nodes and edges (see selection-sync.ts).
  const nodes = useMemo(() => withSelection(localNodes, selection.nodeId), [localNodes, selection.nodeId]);
  const edges = useMemo(() => withSelection(flow.edges, selection.edgeId), [flow.edges, selection.edgeId]);

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
    [store, selectFrom],
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
  const rf = useReactFlow();
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
    const top = shown.nodes.filter((n) => !n.parentId).map((n) => n.id);
    if (pendingFit.current === 0 || top.length === 0 || busy) return;
    pendingFit.current = 0;
    const first = fitTarget(positions, top);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (!first) return void rf.fitView({ ...FIT_OPTIONS, duration: 0 });
        const pane = document.querySelector('[data-testid="canvas"] .react-flow');
        const bounds = rf.getNodesBounds(first);
        if (pane) void rf.setViewport(startViewport(bounds, pane.clientWidth, pane.clientHeight));
      }),
    );
  }, [shown, positions, rf, busy]);

  return (
    <div
      className={`canvas${stale ? ' stale' : ''}`}
      data-testid="canvas"
      data-node-count={derived.graph.nodes.length}
      data-edge-count={derived.graph.edges.length}
      data-busy={busy ? 'true' : 'false'}
      onDragOver={actions.onDragOver}
      onDrop={actions.onDrop}
    >
      <Palette onAdd={(k) => actions.add(k)} />
      <DeriveProgress />
      <CanvasFilters graph={derived.graph} value={filter} onChange={setFilter} />
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
          store.getState().select({ nodeId: n.id });
          setMenu({ x: e.clientX, y: e.clientY, nodeId: n.id });
        }}
        onEdgeContextMenu={(e, ed) => {
          e.preventDefault();
          store.getState().select({ edgeId: ed.id });
          setMenu({ x: e.clientX, y: e.clientY, edgeId: ed.id });
        }}
        connectionMode={ConnectionMode.Loose}
        deleteKeyCode={null}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.05}
        colorMode="system"
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls fitViewOptions={FIT_OPTIONS} />
        <OverviewMap graph={shown} positions={positions} />
      </ReactFlow>
      {menu && (
        <ContextMenu menu={menu} onClose={() => setMenu(undefined)} onDelete={actions.removeSelected} />
      )}
    </div>
  );
}
