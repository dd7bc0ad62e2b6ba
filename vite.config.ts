import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), precompress()],
  // postcss.config.cjs lives at the repo root, not in the web root.
  css: { postcss: repoRoot },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One bundle (~260 kB gzipped, mostly React and Mantine) is fine for an app used all day.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: {
      // The API server; PLIT_API points the dev server at another one (e.g. http://localhost:3400).
      // src/web/api/*.ts is served at /api/… too: those module requests stay with Vite.
      '^/api(?!/.*\\.tsx?(\\?|$))': {
        target: process.env.PLIT_API ?? 'http://localhost:3000',
        changeOrigin: false,
      },
    },
  },
});
