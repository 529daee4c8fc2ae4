// Nothing may take a Briefbook window away from app://briefbook. In-app links stay;
// http(s) links go to the OS browser after validation (see urlPolicy.ts); every other
// navigation, redirect, new window and <webview> is refused. Applied to every
// webContents the app ever creates, not only the windows we know about.
import { app, shell, type WebContents } from 'electron';
import { decideNavigation } from './urlPolicy';

function openExternally(url: string): void {
  shell
    .openExternal(url)
    .catch((err: unknown) => console.warn(`[briefbook] could not open ${url} in the browser:`, err));
}

/** Apply the decision for a navigation the page asked for; true when it may proceed. */
function handle(url: string, what: string): boolean {
  const decision = decideNavigation(url);
  if (decision.action === 'allow') return true;
  if (decision.action === 'open-external') openExternally(decision.url);
  else console.warn(`[briefbook] blocked ${what} to ${JSON.stringify(url.slice(0, 200))}: ${decision.reason}`);
  return false;
}

export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!handle(event.url, 'navigation')) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames are never expected (CSP has no frame-src); refuse all but in-app ones.
    if (!event.isMainFrame && !handle(event.url, 'frame navigation')) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url).action !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    handle(url, 'new window');
    return { action: 'deny' };
  });
}

export function setupNavigationGuards(): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
}
