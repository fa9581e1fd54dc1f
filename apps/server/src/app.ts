import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './core/config';
import type { Db } from './core/db/db';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './core/http/error-handler';
import { registerOpenApi } from './core/http/openapi';
import { registerInputRules } from './core/http/input-rules';
import { addStrictFormats } from './core/http/strict-formats';
import { registerWebApp } from './core/http/web-app';
import { registerCompression } from './core/http/compression';
import { registerSecurityHeaders } from './core/http/security-headers';
import { scheduleRetention } from './core/retention';
import { registerAuthentication } from './core/auth/authenticate';
import { recordRoutes } from './core/auth/route-policy';
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
import { vaccinationRoutes } from './modules/vaccination';
import { scheduleAuditSealing } from './core/audit/sealer';
import { deriveAuditKeys, withAuditKeys } from './core/audit/audit-keys';
import { HeadStore } from './core/audit/heads';

export interface AppDeps {
  config: Config;
  db: Db;
  /** Where log lines go (a test reads them); standard output by default. */
  logStream?: { write(line: string): void };
}

/** Never log request bodies or query strings: they may carry personal data. */
const logRedaction = {
  paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
  remove: true,
};

/** Builds the whole HTTP application. The one place where modules are wired together. */
export async function buildApp({ config, db: given, logStream }: AppDeps): Promise<FastifyInstance> {
  // Audit entries are signed with keys from the configuration, never from the database.
  const auditKeys = deriveAuditKeys(config.auditSecret);
  const db = withAuditKeys(given, auditKeys);
  const auditHeads = new HeadStore(config.auditHeadsDir, auditKeys);
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: logRedaction,
            ...(logStream ? { stream: logStream } : {}),
            serializers: {
              // URL without the query string: search terms (names, phone numbers) stay out of logs.
              req: (req) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
            },
          },
    bodyLimit: 1024 * 1024,
    // Only configured proxies may say who the client is (per-IP limits and the audit log rest on it).
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    genReqId: () => crypto.randomUUID(),
    // Router and HTTP-parser failures answer in the error format too, without echoing the path.
    frameworkErrors,
    clientErrorHandler,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true },
      onCreate: addStrictFormats,
    },
  });
  // A plain field on every request (stable object shape); the authentication hook sets it first thing.
  app.decorateRequest('actor', null as never);
  // The route table, checked against ROUTE_POLICIES by the route matrix test.
  recordRoutes(app);
  registerErrorHandling(app, db);
  registerInputRules(app);
  await registerSecurityHeaders(app, config);
  await registerCompression(app);
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
  auditRoutes(app, db, auditHeads);
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
  vaccinationRoutes(app, db);
  // --- end modules ---
  scheduleRetention(app, db);
  scheduleAuditSealing(app, db, auditHeads, { headEveryMs: config.auditHeadEverySeconds * 1000 });

  await registerWebApp(app, config);
  return app;
}
