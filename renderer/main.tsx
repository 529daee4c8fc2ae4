import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initAnnotationEvents } from './features/annotations';
import { initAnchorFocus } from './features/search/focusAnchor';
import { initExportEvents } from './features/export/exportState';
import { initSync } from './features/sync/syncState';
import { initGlobalKeys } from './lib/keyboard';
import { initClock } from './state/clock';
import { initLibraryEvents } from './state/library';
import { initRouteLoader } from './state/loader';
import { initNavigation } from './state/navigation';
import { initSettingsEffects, loadSettings } from './state/settings';
import './styles/index.css';

async function start(): Promise<void> {
  initSettingsEffects();
  const settings = await loadSettings();
  initNavigation(settings.lastLocation);
  initRouteLoader();
  initLibraryEvents();
  initAnnotationEvents();
  initGlobalKeys();
  initClock();
  initAnchorFocus();
  initSync();
  initExportEvents();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
