// Folder paths in the desktop app come from the system's picker, which the Electron
// shell hands the core (electron/shell/folderPicker.ts). Here the picker is a function
// answering as the dialog would; the Electron smoke test drives the real one. Where
// there is none (the browser host), the reader is told to type the path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/api/core';
import { dispatch } from '../../../electron/api/dispatch';
import type { ChooseFolderRequest } from '../../../shared/api';

const cores: Core[] = [];
const open = (chooseFolder?: (r: ChooseFolderRequest) => Promise<string | null>): Core => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-picker-'));
  const core = openCore({ dataDir, transport: chooseFolder ? 'electron' : 'browser-host', chooseFolder });
  cores.push(core);
  return core;
};
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

describe('choosing a folder', () => {
  it("returns the folder the reader picked, or null when they cancelled, starting where the field's path is", async () => {
    const asked: ChooseFolderRequest[] = [];
    const answers = ['/home/cos/packs/summit-2027', null];
    const core = open(async (request) => (asked.push(request), answers.shift() ?? null));
    expect((await core.api.appInfo({})).canChooseFolders).toBe(true);
    const picked = await dispatch(core.api, 'chooseFolder', {
      title: 'Open a pack source folder',
      defaultPath: '/home',
    });
    expect(picked).toEqual({ ok: true, value: { folder: '/home/cos/packs/summit-2027' } });
    expect(await dispatch(core.api, 'chooseFolder', { title: 'Publish into this folder' })).toEqual({
      ok: true,
      value: { folder: null },
    });
    expect(asked).toEqual([
      { title: 'Open a pack source folder', defaultPath: '/home' },
      { title: 'Publish into this folder' },
    ]);
  });

  it('says to type the path where there is no picker', async () => {
    const core = open();
    expect((await core.api.appInfo({})).canChooseFolders).toBe(false);
    const refused = await dispatch(core.api, 'chooseFolder', { title: 'Open a pack source folder' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(refused)).toContain('Type the folder’s full path instead');
  });
});
