// Renderer build: relative asset paths so the page loads from the app:// protocol and from file:// in tests.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: true,
    target: 'chrome140',
  },
});
