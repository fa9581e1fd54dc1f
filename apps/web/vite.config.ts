import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The light check-in page (checkin.html) must be usable as its HTML arrives on a slow network: its
 * stylesheet goes to the end of the body, where it no longer holds back the first paint of the
 * field above it (a stylesheet in the head would wait a whole extra round trip, 2 s on slow 3G).
 */
function stylesheetAfterContent(page: string): Plugin {
  return {
    name: 'phongdich:stylesheet-after-content',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.path.endsWith(page)) return html;
        const links: string[] = [];
        const rest = html.replace(/\s*<link rel="stylesheet"[^>]*>/g, (tag) => {
          links.push(tag.trim());
          return '';
        });
        return rest.replace('</body>', `  ${links.join('\n    ')}\n  </body>`);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    stylesheetAfterContent('/checkin.html'),
    // The service worker (src/sw.ts), built with this build: its precache list names every built file
    // with its revision, so each release is a new worker that replaces the old shell (see sw.ts).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false, // src/offline/register-sw.ts registers it, in production builds only
      manifest: false, // public/manifest.webmanifest
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
        // The light first-visit page is for phones without the app; the installed app is the shell.
        globIgnores: ['checkin.html'],
      },
    }),
    // Brotli and gzip copies next to every built file, made once at build time: the server sends the
    // precompressed copy (no compression work per request) and a phone on 3G downloads a fraction.
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 512, skipIfLargerOrEqual: true }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Two pages: the full app, and the light first-visit check-in page a venue poster opens.
    rollupOptions: { input: { index: 'index.html', checkin: 'checkin.html' } },
  },
});
