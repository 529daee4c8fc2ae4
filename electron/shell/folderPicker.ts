// The system's folder picker for the workshop (a pack's source folder, where to publish).
// In the main process, so the path comes from the reader's own choice in a native
// dialog rather than from the page.
import { BrowserWindow, dialog } from 'electron';
import type { ChooseFolderRequest } from '../../shared/api';

export function nativeFolderPicker(): (request: ChooseFolderRequest) => Promise<string | null> {
  return async ({ title, defaultPath }) => {
    const options: Electron.OpenDialogOptions = {
      title,
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      ...(defaultPath ? { defaultPath } : {}),
    };
    const parent = BrowserWindow.getFocusedWindow();
    const chosen = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  };
}
