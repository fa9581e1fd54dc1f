// Whether the server answered the last request. The browser's navigator.onLine cannot tell a phone
// on a Wi-Fi with no internet behind it, nor a page the service worker opened with no network
// (Chromium keeps it true there until the next change: the scanner said "online" with no network).
// Every API call reports what it saw here (api/client.ts), so the queue's status line says offline
// from the first failed request, with no request of its own while the server answers.
type Listener = (reachable: boolean) => void;

let reachable = true;
const listeners = new Set<Listener>();

/** An API call reached the server (any answer, even an error) or failed on the network. */
export function reportReachable(ok: boolean): void {
  if (ok === reachable) return;
  reachable = ok;
  for (const l of listeners) l(ok);
}

export function serverReachable(): boolean {
  return reachable;
}

export function onReachability(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
