import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app.css';
import { App } from './ui/app';
import { addressWithoutLink, initialText } from './ui/initial-text';
import { LinkOffer } from './ui/links/link-offer';
import { createStudioStore } from './state/store';
import { loadDefaultNamespace, loadMeshComplete, loadPositions, saveText } from './state/persist';
import { startAutosave } from './ui/autosave';
import { startTabSync } from './ui/tab-sync';
import { createAppStudio } from './ui/studio';

const opening = initialText(window.location, loadPositions());
const { text, positions } = opening;
// The link has been read: a reload must not apply it again over later edits (an unanswered question goes too).
const address = addressWithoutLink(window.location.href);
if (address) window.history.replaceState(window.history.state, '', address);
// A link opened at once replaced nothing anyone wrote: save it now, so the reload of an address without it
// shows what was on screen.
if (address && !opening.offer && !opening.problem) saveText(text);
const store = createStudioStore(text, positions, {
  defaultNamespace: loadDefaultNamespace(),
  meshComplete: loadMeshComplete(),
});
const tabs = startTabSync(store);
startAutosave(store, tabs);
const studio = createAppStudio(store, tabs);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App studio={studio} />
      <LinkOffer studio={studio} opening={opening} />
    </StrictMode>,
  );
}
