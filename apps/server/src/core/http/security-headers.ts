import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config';

/**
 * API routes that carry no personal data and may be cached: published public keys and health.
 * Every other /api answer (errors included) is `Cache-Control: no-store`, so no browser, proxy or
 * shared computer keeps a copy of someone's record.
 */
const CACHEABLE_API_PREFIXES = ['/api/keys/', '/api/health'];

/**
 * The web app loads only its own built files: scripts and styles from 'self' (Vite emits no inline
 * ones), QR images as data: URLs, downloads as blob: URLs, the camera for the scanner on this origin
 * only. Nothing may frame it.
 */
const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'interest-cohort=()',
].join(', ');

export async function registerSecurityHeaders(
  app: FastifyInstance,
  config: Pick<Config, 'publicUrl'>,
): Promise<void> {
  const behindTls = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // 'unsafe-eval' for one reason: the offline certificate verifier validates the payload with
        // ajv, which compiles its schemas to functions. Without it every offline verification in the
        // browser answered MALFORMED. Still no inline or foreign script. To drop it: precompile the
        // nine DCC schemas with ajv's standalone code at build time.
        scriptSrc: ["'self'", "'unsafe-eval'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(behindTls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Only meaningful over TLS; sent over plain http it would be ignored (or wrong behind a proxy).
    strictTransportSecurity: behindTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The Referer stays on this site (it backs the Origin check for browsers that omit Origin).
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    const path = request.url.split('?')[0]!;
    // The API docs page (Swagger UI) applies inline styles; it shows no personal data.
    if (path.startsWith('/docs')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string')
        reply.header(
          'content-security-policy',
          csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
        );
    }
    if (path.startsWith('/api/') && !CACHEABLE_API_PREFIXES.some((p) => path.startsWith(p)))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
