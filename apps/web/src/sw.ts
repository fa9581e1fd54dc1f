// Phòng Dịch service worker, built from the web build by vite-plugin-pwa (injectManifest): the
// precache list below is every built file with its content revision, so each release is a new
// service worker that the browser installs on its own, downloading only what changed; it takes over
// at once and removes the older release's files. The pages that must work without a network — the
// check-in scanner, the citizen's QR, sampling — are the app shell and their own chunks, all in it.
// API calls are never cached here (the pages keep their own offline copies and queue their writes
// in IndexedDB, which a new release leaves untouched).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';

// Only what this file uses of the service worker scope (the web app's TypeScript has the DOM's types).
declare const self: EventTarget & {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting(): Promise<void>;
};
type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };

/** The hand-written worker before this one kept everything in one cache that never changed. */
const LEGACY_CACHES = ['phongdich-shell-v1'];

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

self.addEventListener('activate', (event) => {
  (event as ExtendableEvent).waitUntil(Promise.all(LEGACY_CACHES.map((name) => caches.delete(name))));
});

// Every page of the app is the same shell (client-side routes), served from this release's cache:
// at once on a slow network, and offline.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/docs/, /^\/dev\//],
  }),
);
