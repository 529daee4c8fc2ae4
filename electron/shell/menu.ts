// The application menu: the usual Edit commands (without them copy/paste does not work
// on macOS), Back/Forward through the reader's history, Find (Ctrl/Cmd+K, the
// renderer's type-ahead search), zoom, full screen, About, and Reload/DevTools only
// when running from a checkout.
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

const isMac = process.platform === 'darwin';

function focused(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow();
}

function goBack(): void {
  const history = focused()?.webContents.navigationHistory;
  if (history?.canGoBack()) history.goBack();
}

function goForward(): void {
  const history = focused()?.webContents.navigationHistory;
  if (history?.canGoForward()) history.goForward();
}

/** Search is the renderer's: Ctrl/Cmd+K opens it there. The accelerator is displayed
 *  but not registered on Windows/Linux so the keystroke reaches the page; choosing the
 *  menu item (or Cmd+K on macOS, where menus always take their keys) sends that same
 *  keystroke to the page, so the renderer has one code path for both. */
function openFind(): void {
  const contents = focused()?.webContents;
  if (!contents) return;
  const modifiers: Array<'meta' | 'control'> = [isMac ? 'meta' : 'control'];
  contents.sendInputEvent({ type: 'keyDown', keyCode: 'k', modifiers });
  contents.sendInputEvent({ type: 'keyUp', keyCode: 'k', modifiers });
}

export function menuTemplate(options: { dev: boolean }): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = isMac ? { role: 'about' } : { label: 'About Briefbook', click: () => app.showAboutPanel() };
  const devItems: MenuItemConstructorOptions[] = options.dev ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] : [];
  return [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, { type: 'separator' }, { label: 'Find…', accelerator: 'CmdOrCtrl+K', registerAccelerator: false, click: openFind }],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Back', accelerator: isMac ? 'Cmd+[' : 'Alt+Left', click: goBack },
        { label: 'Forward', accelerator: isMac ? 'Cmd+]' : 'Alt+Right', click: goForward },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...devItems,
      ],
    },
    { role: 'windowMenu' },
    ...(isMac ? [] : [{ role: 'help', submenu: [about] } satisfies MenuItemConstructorOptions]),
  ];
}

export function setupMenu(options: { dev: boolean }): void {
  app.setAboutPanelOptions({
    applicationName: 'Briefbook',
    applicationVersion: app.getVersion(),
    version: `Electron ${process.versions.electron ?? ''}`,
    copyright: 'Offline-first briefing books',
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
