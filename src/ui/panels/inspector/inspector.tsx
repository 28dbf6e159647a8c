import { useState } from 'react';
import type { Derived } from '../../../core/derive';
import type { EditIntent } from '../../../core/edit/intents';
import { rec, strMap } from '../../../core/model/read';
import type { VirtualService } from '../../../core/model/types';
import type { StudioState } from '../../../state/store';
import { dispatchIntent } from '../../edit/dispatch';
import { useSettledDerived, useStudio, useStudioInstance } from '../../store-context';
import { MatchSection } from './match-section';
import { LabelMapField, MetaFields } from './meta-fields';
import { WorkloadFields } from './workload-fields';
import { TextField, formatLabelText, parseLabelText } from './text-field';
import { WeightsSection } from './weights-section';
import { PolicySection } from './policy-section';
import { RouteFeaturesSection } from './route-features-section';

const selectSelection = (s: StudioState) => s.selection;

function useDispatch() {
  const studio = useStudioInstance();
  return (intent: EditIntent) => dispatchIntent(studio, intent);
}

function VirtualServiceInspector({
  vs,
  routeFilter,
}: {
  vs: VirtualService;
  routeFilter?: { protocol: string; index: number };
}) {
  const dispatch = useDispatch();
  const [updateRefs] = useState(true);
  const routes = vs.routes.filter(
    (r) => !routeFilter || (r.protocol === routeFilter.protocol && r.index === routeFilter.index),
  );
  return (
    <>
      {!routeFilter && (
        <>
          <MetaFields r={vs} />
          <TextField
            label="Hosts (comma separated)"
            testId="inspector-hosts"
            value={vs.hosts.join(', ')}
            onCommit={(v) => {
              const next = v
                .split(',')
                .map((h) => h.trim())
                .filter(Boolean);
              const old = vs.hosts[0];
              if (vs.hosts.length === 1 && next.length === 1 && old && next[0] && old !== next[0]) {
                dispatch({
                  type: 'renameHost',
                  ref: vs.ref,
                  from: old,
                  to: next[0],
                  updateReferences: updateRefs,
                });
              } else
                dispatch({
                  type: 'setValue',
                  docIndex: vs.docIndex,
                  path: [...vs.basePath, 'spec', 'hosts'],
                  value: next,
                });
            }}
          />
        </>
      )}
      {routes.map((route) => (
        <section
          key={`${route.protocol}-${route.index}`}
          className="route-section"
          data-testid="route-section"
        >
          <h3>
            {route.protocol} route {route.index + 1}
            {route.name ? ` “${route.name}”` : ''}
          </h3>
          <WeightsSection vs={vs} route={route} />
          <MatchSection vs={vs} route={route} />
          <RouteFeaturesSection vs={vs} route={route} />
          <button
            type="button"
            onClick={() =>
              dispatch({
                type: 'deleteRoute',
                vsRef: vs.ref,
                protocol: route.protocol,
                routeIndex: route.index,
              })
            }
          >
            Delete this route
          </button>
        </section>
      ))}
    </>
  );
}

function Body({ d, nodeId, edgeId }: { d: Derived; nodeId: string | undefined; edgeId: string | undefined }) {
  const dispatch = useDispatch();
  const [updateRefs, setUpdateRefs] = useState(true);
  if (edgeId) {
    const e = d.graph.edges.find((x) => x.id === edgeId);
    const vs = d.model.virtualServices.find(
      (v) => d.graph.nodes.find((n) => n.id === e?.source)?.ref === v.ref,
    );
    const m = e ? /\/(http|tcp|tls)\/(\d+)(\/\d+)?$/.exec(e.id) : null;
    if (!e) return <p className="muted">Nothing selected.</p>;
    if (vs && m)
      return (
        <VirtualServiceInspector vs={vs} routeFilter={{ protocol: m[1] ?? 'http', index: Number(m[2]) }} />
      );
    return (
      <p className="muted">This {e.kind} edge follows from labels and selectors; edit them on its nodes.</p>
    );
  }
  const n = d.graph.nodes.find((x) => x.id === nodeId);
  if (!n)
    return (
      <p className="muted">
        Select a node or an edge to edit it. Drag from the palette to create one; drag between handles to
        connect.
      </p>
    );
  const refsBox = (
    <label className="inline">
      <input type="checkbox" checked={updateRefs} onChange={(e) => setUpdateRefs(e.target.checked)} /> Update
      references when renaming
    </label>
  );
  if (n.kind === 'missing') return <p>{n.reason}</p>;
  if (n.kind === 'subset') {
    const dr = d.model.destinationRules.find(
      (x) => x.ref === d.graph.nodes.find((p) => p.id === n.parentId)?.ref,
    );
    const sub = dr?.subsets.find((s) => s.name === n.name);
    if (!dr || !sub) return null;
    return (
      <>
        <TextField
          label="Subset name"
          testId="inspector-subset-name"
          value={sub.name}
          onCommit={(v) =>
            dispatch({
              type: 'renameSubset',
              drRef: dr.ref,
              from: sub.name,
              to: v,
              updateReferences: updateRefs,
            })
          }
        />
        {refsBox}
        <TextField
          label="Labels (k=v, k2=v2)"
          testId="inspector-labels"
          value={formatLabelText(sub.labels)}
          onCommit={(v) =>
            dispatch({
              type: 'setValue',
              docIndex: dr.docIndex,
              path: [...dr.basePath, 'spec', 'subsets', sub.index, 'labels'],
              value: parseLabelText(v),
            })
          }
        />
        <PolicySection dr={dr} subset={sub.name} />
      </>
    );
  }
  const r = d.model.resources.find((x) => x.ref === n.ref);
  if (!r) return null;
  const vs = d.model.virtualServices.find((x) => x.ref === r.ref);
  if (vs) return <VirtualServiceInspector vs={vs} />;
  const dr = d.model.destinationRules.find((x) => x.ref === r.ref);
  if (dr) {
    return (
      <>
        <MetaFields r={dr} />
        <TextField
          label="Host"
          testId="inspector-host"
          value={dr.host}
          onCommit={(v) =>
            dispatch({ type: 'renameHost', ref: dr.ref, from: dr.host, to: v, updateReferences: updateRefs })
          }
        />
        {refsBox}
        <PolicySection dr={dr} subset={undefined} />
      </>
    );
  }
  const svc = d.model.services.find((x) => x.ref === r.ref);
  if (svc)
    return (
      <>
        <MetaFields r={svc} />
        {/* Named for what each edits: the selector picks the pods, labels only describe the Service. */}
        <LabelMapField
          r={svc}
          label="Selector: pods it sends to (k=v, k2=v2)"
          testId="inspector-selector"
          path={['spec', 'selector']}
          labels={svc.selector}
        />
        <LabelMapField
          r={svc}
          label="Labels of the Service (k=v, k2=v2)"
          testId="inspector-labels"
          path={['metadata', 'labels']}
          labels={strMap(rec(svc.raw.metadata).labels)}
        />
      </>
    );
  const w = d.model.workloads.find((x) => x.ref === r.ref);
  if (w) return <WorkloadFields w={w} />;
  return <MetaFields r={r} />;
}

/** An edge by its ends (`route reviews → v2`); the full id is the heading's tooltip. */
function edgeTitle(d: Derived, id: string): string {
  const e = d.graph.edges.find((x) => x.id === id);
  const end = (nodeId: string | undefined) => d.graph.nodes.find((n) => n.id === nodeId)?.title ?? '?';
  return e ? `${e.kind} ${end(e.source)} → ${end(e.target)}` : `Edge ${id}`;
}

/** Forms for the selected node or edge; every change is an edit op on the YAML, read back from it. */
export function Inspector() {
  const d = useSettledDerived();
  const sel = useStudio(selectSelection);
  const node = d.graph.nodes.find((n) => n.id === sel.nodeId);
  const title = sel.edgeId ? edgeTitle(d, sel.edgeId) : node ? `${node.kind} ${node.title}` : 'Inspector';
  return (
    <div className="inspector" data-testid="inspector">
      <h2 className="inspector-title" title={sel.edgeId ?? title}>
        {title}
      </h2>
      <Body d={d} nodeId={sel.nodeId} edgeId={sel.edgeId} />
    </div>
  );
}
