// The system's folder picker for the workshop (a pack's source folder, where to publish).
// A dialog is the main process's to show: the sandboxed page has no file system, so
// without it the reader could only type the path. The folder chosen fills the field.
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
