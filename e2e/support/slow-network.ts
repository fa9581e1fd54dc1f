// A throttling TCP proxy on loopback: what a phone on a slow network sees, for everything the browser
// sends — service worker included (Chrome's own network emulation leaves service-worker fetches
// unthrottled, which would flatter an installed app's figure).
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface NetworkProfile {
  /** One-way delay added to every chunk, in ms (a round trip costs twice this). */
  delayMs: number;
  /** Bytes per second, per direction of each connection. */
  bytesPerSecond: number;
}

/** Chrome DevTools' "Slow 3G" (as Puppeteer defines it): 400 kbit/s each way, 2 s round trip. */
export const SLOW_3G: NetworkProfile = { delayMs: 1000, bytesPerSecond: 50_000 };
export const FAST: NetworkProfile = { delayMs: 0, bytesPerSecond: Infinity };

export interface SlowNetwork {
  url: string;
  set(profile: NetworkProfile): void;
  close(): Promise<void>;
}

/** Pipes `from` into `to`, each chunk leaving after the delay and no faster than the bandwidth. */
function throttle(from: Socket, to: Socket, profile: () => NetworkProfile): void {
  let free = 0; // when this direction's link is next free (ms since epoch)
  from.on('data', (chunk: Buffer) => {
    const p = profile();
    const now = Date.now();
    const sendAt =
      Math.max(now, free) +
      (Number.isFinite(p.bytesPerSecond) ? (chunk.length / p.bytesPerSecond) * 1000 : 0);
    free = sendAt;
    const wait = sendAt - now + p.delayMs;
    if (wait <= 0) to.write(chunk);
    else setTimeout(() => to.writable && to.write(chunk), wait);
  });
  from.on('end', () => setTimeout(() => to.end(), profile().delayMs));
  from.on('error', () => to.destroy());
}

export async function startSlowNetwork(target: string): Promise<SlowNetwork> {
  const { hostname, port } = new URL(target);
  let profile = FAST;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    throttle(client, upstream, () => profile);
    throttle(upstream, client, () => profile);
    for (const s of [client, upstream]) s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${own}`,
    set: (p) => {
      profile = p;
      // Open connections were made on the old network: a phone moving to 3G starts new ones.
      for (const s of sockets) s.destroy();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
