import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from a custom protocol (Electron) or the loopback host, both
// with a strict CSP: no inline scripts or styles, so nothing may be injected inline.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
