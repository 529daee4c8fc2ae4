// The app's windows: locked-down webPreferences, shown once painted, and a registry
// of their webContents ids so the IPC handler can tell our windows from anything else.
import { BrowserWindow, nativeTheme } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL } from './urlPolicy';

const ours = new Set<number>();

/** The webContents ids of the windows this module created and that are still open. */
export function ourWebContentsIds(): ReadonlySet<number> {
  return ours;
}

export function ourWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed() && ours.has(w.webContents.id));
}

export function preloadPath(): string {
  return path.join(__dirname, 'preload.cjs');
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Briefbook',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff',
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows (denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const id = win.webContents.id;
  ours.add(id);
  win.on('closed', () => ours.delete(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** Bring the existing window forward (second launch), or open one if none is left. */
export function focusOrCreateMainWindow(): BrowserWindow {
  const [existing] = ourWindows();
  if (!existing) return createMainWindow();
  if (existing.isMinimized()) existing.restore();
  existing.show();
  existing.focus();
  return existing;
}
