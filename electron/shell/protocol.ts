// The app:// scheme the renderer is loaded from. A privileged standard scheme (so it
// has a real origin, `app://briefbook`, and 'self' in the CSP means exactly that)
// instead of file://, which would give every local file the page's origin.
import { protocol, session } from 'electron';
import path from 'node:path';
import { serveRendererFile } from './rendererFiles';
import { APP_SCHEME } from './urlPolicy';

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Where the built renderer lives: dist/renderer next to dist/main.cjs (inside the asar when packaged). */
export function rendererRoot(): string {
  return path.join(__dirname, 'renderer');
}

export function setupAppProtocol(root: string = rendererRoot()): void {
  session.defaultSession.protocol.handle(APP_SCHEME, async (request) => {
    const res = await serveRendererFile(root, request.url, request.method);
    return new Response(res.body === null ? null : new Uint8Array(res.body), {
      status: res.status,
      headers: res.headers,
    });
  });
}
