import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Point } from '../core/graph/types';
import type { SimRequest } from '../core/simulate/types';

export interface Selection {
  nodeId: string | undefined;
  edgeId: string | undefined;
}

export type DialogName = 'import' | 'export' | 'examples' | undefined;

export interface StudioState {
  /** The manifests: the one source of truth. */
  text: string;
  selection: Selection;
  /** Node positions by node id (only top-level nodes; subsets sit inside their DestinationRule). */
  positions: Record<string, Point>;
  dialog: DialogName;
  /** Storage problem to show (quota full, ...), or undefined. */
  storageError: string | undefined;
  /** Bumped to ask the canvas to fit the view (after a replace or an auto layout). */
  fitRequest: number;
  /** A short message for the person (why a canvas edit could not be done, ...). */
  notice: { text: string; kind: 'info' | 'error' } | undefined;
  /** Which tool the right side panel shows. */
  sidePanel: 'inspector' | 'simulator' | 'envoy' | 'changes';
  /** The request the simulator last ran; the trace is derived from it and the text. */
  simRequest: SimRequest | undefined;
  /** Another tab saved different manifests; autosave waits until the person picks one. */
  otherTab: OtherTab | undefined;
  /** Text a tab closed during such a choice left behind; offered until opened or discarded. */
  backupOffer: BackupOffer | undefined;
  /**
   * Namespace for resources without one (kubectl's `-n`), as the person set it; empty: inferred from the text.
   * A reading setting only: never written into the YAML.
   */
  defaultNamespace: string;
  /**
   * The person says the text is the whole mesh: references to things not in it are errors. Unticked (the
   * default), they are "not in this text" (info). A reading setting only, like `defaultNamespace`.
   */
  meshComplete: boolean;
}

/** A text another tab saved, different from this one's (the ways out are `TabChoices` of the studio). */
export interface OtherTab {
  text: string;
}

/** The newest backup of a closed tab whose text differs from this one's (data only; see `TabChoices`). */
export interface BackupOffer {
  text: string;
  /** When that tab last wrote it (ms since the epoch). */
  savedAt: number;
  /** How many older backups wait behind this one. */
  more: number;
}

export interface StudioActions {
  setText(text: string): void;
  select(selection: Partial<Selection>): void;
  setPositions(positions: Record<string, Point>): void;
  movePosition(id: string, p: Point): void;
  clearPositions(): void;
  openDialog(d: DialogName): void;
  setStorageError(e: string | undefined): void;
  requestFit(): void;
  notify(text: string, kind?: 'info' | 'error'): void;
  dismissNotice(): void;
  showPanel(p: StudioState['sidePanel']): void;
  setSimRequest(r: SimRequest | undefined): void;
  setOtherTab(o: OtherTab | undefined): void;
  setBackupOffer(o: BackupOffer | undefined): void;
  /** Sets the namespace for resources without one; blank returns to inference. */
  setDefaultNamespace(ns: string): void;
  setMeshComplete(complete: boolean): void;
}

/** Settings restored beside the text (see `persist.ts`). */
export interface StudioSettings {
  defaultNamespace?: string;
  meshComplete?: boolean;
}

export type StudioStore = StoreApi<StudioState & StudioActions>;

/** One store per app (and per test). */
export function createStudioStore(
  initialText: string,
  positions: Record<string, Point> = {},
  settings: StudioSettings = {},
): StudioStore {
  return createStore<StudioState & StudioActions>()((set) => ({
    text: initialText,
    selection: { nodeId: undefined, edgeId: undefined },
    positions,
    dialog: undefined,
    storageError: undefined,
    fitRequest: 0,
    notice: undefined,
    sidePanel: 'inspector',
    simRequest: undefined,
    otherTab: undefined,
    backupOffer: undefined,
    defaultNamespace: settings.defaultNamespace?.trim() ?? '',
    meshComplete: settings.meshComplete ?? false,
    setText: (text) => set({ text }),
    select: (s) => set({ selection: { nodeId: s.nodeId, edgeId: s.edgeId } }),
    setPositions: (positions) => set({ positions }),
    movePosition: (id, p) => set((st) => ({ positions: { ...st.positions, [id]: p } })),
    clearPositions: () => set((st) => ({ positions: {}, fitRequest: st.fitRequest + 1 })),
    openDialog: (dialog) => set({ dialog }),
    setStorageError: (storageError) => set({ storageError }),
    requestFit: () => set((st) => ({ fitRequest: st.fitRequest + 1 })),
    notify: (text, kind = 'info') => set({ notice: { text, kind } }),
    dismissNotice: () => set({ notice: undefined }),
    showPanel: (sidePanel) => set({ sidePanel }),
    setSimRequest: (simRequest) => set({ simRequest }),
    setOtherTab: (otherTab) => set({ otherTab }),
    setBackupOffer: (backupOffer) => set({ backupOffer }),
    setDefaultNamespace: (ns) => set({ defaultNamespace: ns.trim() }),
    setMeshComplete: (meshComplete) => set({ meshComplete }),
  }));
}
