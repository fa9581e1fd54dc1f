import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies next to every built file, made once at build time: the server sends the
    // precompressed copy (no compression work per request) and a phone on 3G downloads a fraction.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 512, skipIfLargerOrEqual: true }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  // The manifest lists every built file; the service worker (public/sw.js) precaches them.
  build: { outDir: 'dist', sourcemap: false, manifest: 'asset-manifest.json' },
});
