// App-wide keys and mouse buttons: Alt+←/→ and the mouse's back/forward buttons move
// through history (Cmd+[ / Cmd+] on macOS as well); Ctrl/Cmd+K opens the palette.
import { goBack, goForward } from '../state/navigation';
import { openPalette } from '../state/palette';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export function initGlobalKeys(): void {
  window.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    const mod = isMac ? e.metaKey : e.ctrlKey;
    if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      openPalette();
      return;
    }
    const back = (e.altKey && e.key === 'ArrowLeft') || (isMac && e.metaKey && e.key === '[');
    const forward = (e.altKey && e.key === 'ArrowRight') || (isMac && e.metaKey && e.key === ']');
    if (back || forward) {
      e.preventDefault();
      if (back) goBack();
      else goForward();
    }
  });
  // Buttons 3 and 4 are the mouse's back and forward thumb buttons.
  const onMouse = (e: MouseEvent) => {
    if (e.button !== 3 && e.button !== 4) return;
    e.preventDefault();
    if (e.type === 'mouseup') {
      if (e.button === 3) goBack();
      else goForward();
    }
  };
  window.addEventListener('mousedown', onMouse);
  window.addEventListener('mouseup', onMouse);
}

export const shortcutLabel = (key: string) => (isMac ? `⌘${key}` : `Ctrl+${key}`);
