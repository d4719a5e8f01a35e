// The web UI (dashboard + case timeline) is built into web/dist and served by the API process.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/v1': 'http://localhost:8080', '/healthz': 'http://localhost:8080' } },
});
