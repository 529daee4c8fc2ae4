// The application menu: the usual Edit commands (without them copy/paste does not work
// on macOS), Back/Forward through the reader's history, Find (Ctrl/Cmd+K, the
// renderer's type-ahead search), zoom, full screen, About, and Reload/DevTools only
// when running from a checkout.
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

const isMac = process.platform === 'darwin';

function focused(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow();
}

type Modifier = 'meta' | 'control' | 'alt';

/**
 * The renderer owns its keyboard commands (renderer/lib/keyboard.ts: Ctrl/Cmd+K opens
 * search; Alt+←/→, and Cmd+[ / Cmd+] on macOS, move through its history). The menu
 * items show those shortcuts and, when chosen with the mouse, send the same keystroke
 * to the page, so there is one code path for each command. On Windows/Linux the
 * accelerators are displayed but not registered (registerAccelerator: false), so the
 * real keystroke reaches the page once; on macOS the page sees key equivalents first
 * and the menu only gets those it did not handle.
 */
function sendKeystroke(keyCode: string, modifiers: Modifier[]): void {
  const contents = focused()?.webContents;
  if (!contents) return;
  contents.sendInputEvent({ type: 'keyDown', keyCode, modifiers });
  contents.sendInputEvent({ type: 'keyUp', keyCode, modifiers });
}

const KEYS = {
  find: { accelerator: 'CmdOrCtrl+K', send: () => sendKeystroke('k', [isMac ? 'meta' : 'control']) },
  back: isMac
    ? { accelerator: 'Cmd+[', send: () => sendKeystroke('[', ['meta']) }
    : { accelerator: 'Alt+Left', send: () => sendKeystroke('Left', ['alt']) },
  forward: isMac
    ? { accelerator: 'Cmd+]', send: () => sendKeystroke(']', ['meta']) }
    : { accelerator: 'Alt+Right', send: () => sendKeystroke('Right', ['alt']) },
};

function pageCommand(label: string, key: { accelerator: string; send: () => void }): MenuItemConstructorOptions {
  return { label, accelerator: key.accelerator, registerAccelerator: false, click: key.send };
}

export function menuTemplate(options: { dev: boolean }): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = isMac
    ? { role: 'about' }
    : { label: 'About Briefbook', click: () => app.showAboutPanel() };
  const devItems: MenuItemConstructorOptions[] = options.dev
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  return [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              about,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        pageCommand('Find…', KEYS.find),
      ],
    },
    {
      label: '&View',
      submenu: [
        pageCommand('Back', KEYS.back),
        pageCommand('Forward', KEYS.forward),
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
