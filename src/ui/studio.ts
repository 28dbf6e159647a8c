import { createStudio, type Studio, type TabChoices } from '../state/studio';
import type { StudioStore } from '../state/store';
import { createEditorBridge, type EditorBridge } from './editor/bridge';
import { startParseAhead } from './parse-worker';

/** The app's studio: its editor port is the Monaco bridge, and it has a parse worker of its own. */
export type AppStudio = Studio<EditorBridge>;

export function createAppStudio(store: StudioStore, tabs?: TabChoices): AppStudio {
  return createStudio(store, { editor: createEditorBridge(), tabs, startAhead: startParseAhead });
}
