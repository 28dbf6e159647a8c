import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app.css';
import { App } from './ui/app';
import { initialText } from './ui/initial-text';
import { createStudioStore } from './state/store';
import { loadDefaultNamespace, loadPositions } from './state/persist';
import { startAutosave } from './ui/autosave';
import { startTabSync } from './ui/tab-sync';
import { createAppStudio } from './ui/studio';

const { text, positions } = initialText(window.location.search, loadPositions());
const store = createStudioStore(text, positions, { defaultNamespace: loadDefaultNamespace() });
startAutosave(store, startTabSync(store));
const studio = createAppStudio(store);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App studio={studio} />
    </StrictMode>,
  );
}
