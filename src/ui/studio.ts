import { createStudio, type Studio } from '../state/studio';
import type { StudioStore } from '../state/store';
import { createEditorBridge, type EditorBridge } from './editor/bridge';
import { startParseAhead } from './parse-worker';

/** The app's studio: its editor port is the Monaco bridge, and it has a parse worker of its own. */
export type AppStudio = Studio<EditorBridge>;

export function createAppStudio(store: StudioStore): AppStudio {
  return createStudio(store, { editor: createEditorBridge(), startAhead: startParseAhead });
}
