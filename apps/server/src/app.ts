import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './core/config';
import type { Db } from './core/db/db';
import { registerErrorHandling } from './core/http/error-handler';
import { registerOpenApi } from './core/http/openapi';
import { registerWebApp } from './core/http/web-app';
import { registerSecurityHeaders } from './core/http/security-headers';
import { scheduleRetention } from './core/retention';
import { registerAuthentication } from './core/auth/authenticate';
import { outboxRoutes } from './modules/outbox/outbox.routes';
import { authRoutes } from './modules/accounts/auth.routes';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { healthRoutes } from './modules/health/health.routes';
import { keysRoutes } from './modules/keys/keys.routes';
import { setKeysSecret } from './modules/keys/keys.service';
import { worklistRoutes } from './modules/worklist/worklist.routes';
import { geoRoutes } from './modules/geo/geo.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { venuesRoutes } from './modules/venues/venues.routes';
import { figuresRoutes } from './modules/figures/figures.routes';
import { peopleMeRoutes } from './modules/people/people.me.routes';
import { declarationsRoutes } from './modules/declarations/declarations.routes';
import { personalQrRoutes } from './modules/personal-qr/personal-qr.routes';
import { scanRoutes } from './modules/scan/scan.routes';
import { statusRoutes } from './modules/status/status.routes';
import { checkinsRoutes } from './modules/checkins/checkins.routes';
import { labRoutes } from './modules/lab/lab.routes';
import { testingFiguresRoutes } from './modules/lab/testing.figures';
import { resultsRoutes } from './modules/results/results.routes';
import { certificatesRoutes } from './modules/certificates/certificates.routes';
import { samplingRoutes } from './modules/sampling/sampling.routes';
import { scheduleAuditSealing } from './core/audit/sealer';

export interface AppDeps {
  config: Config;
  db: Db;
}

/** Never log request bodies or query strings: they may carry personal data. */
const logRedaction = {
  paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
  remove: true,
};

/** Builds the whole HTTP application. The one place where modules are wired together. */
export async function buildApp({ config, db }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: logRedaction,
            serializers: {
              // URL without the query string: search terms (names, phone numbers) stay out of logs.
              req: (req) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
            },
          },
    bodyLimit: 1024 * 1024,
    // Only configured proxies may say who the client is (per-IP limits and the audit log rest on it).
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });
  // A plain field on every request (stable object shape); the authentication hook sets it first thing.
  app.decorateRequest('actor', null as never);
  registerErrorHandling(app);
  await registerSecurityHeaders(app, config);
  await registerOpenApi(app);

  await registerAuthentication(app, db, config.publicUrl);

  // --- modules (each registers its own routes) ---
  healthRoutes(app, db);
  setKeysSecret(config.secret);
  keysRoutes(app, db);
  worklistRoutes(app, db);
  geoRoutes(app, db);
  outboxRoutes(app, db, config);
  authRoutes(app, db, config);
  accountsRoutes(app, db);
  auditRoutes(app, db);
  peopleRoutes(app, db);
  peopleMeRoutes(app, db);
  personalQrRoutes(app, db);
  scanRoutes(app, db);
  statusRoutes(app, db);
  declarationsRoutes(app, db);
  checkinsRoutes(app, db);
  venuesRoutes(app, db);
  figuresRoutes(app, db);
  labRoutes(app, db);
  testingFiguresRoutes(app, db);
  resultsRoutes(app, db);
  certificatesRoutes(app, db);
  samplingRoutes(app, db);
  // --- end modules ---
  scheduleRetention(app, db);
  scheduleAuditSealing(app, db);

  await registerWebApp(app, config);
  return app;
}
