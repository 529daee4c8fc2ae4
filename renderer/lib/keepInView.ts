// A deep link scrolls to its target as soon as the target is drawn, but the new screen
// can still move the page after that: on a busy machine its own scroll-to-top can land
// later (CI saw exactly this), and content arriving on screen above the target pushes it
// down (the browser's scroll anchoring only covers content above the viewport). So keep
// the target centred while it moves, until the reader takes over (scrolls, types, clicks)
// or the screen has had time to settle.

const READER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/** Centre `el` in the window and keep it there for up to `ms`; returns a function that stops. */
export function keepInView(el: Element, ms = 5000): () => void {
  el.scrollIntoView({ block: 'center' });
  let lastTop = el.getBoundingClientRect().top;
  let frame = 0;
  const watch = () => {
    if (!el.isConnected) return stop();
    const top = el.getBoundingClientRect().top;
    if (top !== lastTop) {
      el.scrollIntoView({ block: 'center' });
      lastTop = el.getBoundingClientRect().top;
    }
    frame = window.requestAnimationFrame(watch);
  };
  const timer = window.setTimeout(() => stop(), ms);
  function stop() {
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    for (const type of READER_INPUT) window.removeEventListener(type, stop, true);
  }
  for (const type of READER_INPUT) window.addEventListener(type, stop, { capture: true, passive: true });
  frame = window.requestAnimationFrame(watch);
  return stop;
}
