import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/shell/ipcPolicy';

const ours = new Set([7]);
const good = { frameUrl: 'app://briefbook/index.html#/packs', isMainFrame: true, webContentsId: 7 };

describe('isTrustedSender', () => {
  it('serves the main frame of our own window showing the app', () => {
    expect(isTrustedSender(good, ours)).toBe(true);
  });

  it.each([
    ['another webContents', { ...good, webContentsId: 8 }],
    ['a sub-frame', { ...good, isMainFrame: false }],
    ['a destroyed frame', { ...good, frameUrl: null }],
    ['an unknown frame URL', { ...good, frameUrl: undefined }],
    ['a page that navigated to the web', { ...good, frameUrl: 'https://evil.example/' }],
    ['a lookalike app host', { ...good, frameUrl: 'app://briefbook.evil/index.html' }],
    ['a file: page', { ...good, frameUrl: 'file:///tmp/x.html' }],
    ['a data: page', { ...good, frameUrl: 'data:text/html,hi' }],
    ['about:blank', { ...good, frameUrl: 'about:blank' }],
  ])('refuses %s', (_what, sender) => {
    expect(isTrustedSender(sender, ours)).toBe(false);
  });

  it('refuses everyone once no window is ours', () => {
    expect(isTrustedSender(good, new Set())).toBe(false);
  });
});
