import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  // The manifest lists every built file; the service worker (public/sw.js) precaches them.
  build: { outDir: 'dist', sourcemap: false, manifest: 'asset-manifest.json' },
});
