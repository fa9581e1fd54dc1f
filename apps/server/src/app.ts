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
import { withKeysSecret } from './core/crypto/keys-secret';
import { registerStatusSource } from './modules/status/status.sources';
import { labStatusSource } from './modules/lab/lab.status-source';
import { declarationStatusSource } from './modules/declarations/declarations.status';
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
import { deriveAuditKeys, withAuditKeys } from './core/audit/audit-keys';
import { HeadStore } from './core/audit/heads';
import { EventDispatcher } from './core/events/dispatcher';
import { Scheduler } from './core/jobs/scheduler';
import { eventsAdminRoutes } from './core/events/events.routes';
import type { EventHandler } from './core/events/handler';

declare module 'fastify' {
  interface FastifyInstance {
    /** The domain event dispatcher (register handlers before the app is ready). */
    events: EventDispatcher;
    /** Every interval job of the app (modules add theirs where they are wired). */
    jobs: Scheduler;
  }
}

/**
 * Every module's event handlers, registered here where modules are wired (none consume events yet;
 * cases, tracing and vaccination will). A handler's name is its record of what it handled: keep it.
 */
const EVENT_HANDLERS: readonly EventHandler[] = [];

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
  // Signing keys are encrypted at rest with the server secret, bound here from the configuration.
  const db = withKeysSecret(withAuditKeys(given, auditKeys), config.secret);
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

  // One scheduler for every interval job: started when the app is ready, stopped on close.
  const jobs = new Scheduler(db, app.log);
  app.decorate('jobs', jobs);
  app.addHook('onReady', async () => jobs.start());
  app.addHook('onClose', async () => jobs.stop());

  // --- modules (each registers its own routes) ---
  healthRoutes(app, db);
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
  // The sources of a person's colour, named here rather than registered by importing a module.
  registerStatusSource(labStatusSource);
  registerStatusSource(declarationStatusSource);
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
  const events = new EventDispatcher(db, {
    onHandlerError: ({ eventId, type, handler, error }) =>
      app.log.warn({ eventId, type, handler, err: { message: error.message } }, 'event handler failed'),
  });
  for (const h of EVENT_HANDLERS) events.register(h);
  app.decorate('events', events);
  const dispatch = jobs.add({ name: 'domain-events', everyMs: 1000, run: () => events.pass() });
  eventsAdminRoutes(app, db, dispatch.runNow);
  scheduleRetention(jobs, db);
  scheduleAuditSealing(jobs, db, auditHeads, { headEveryMs: config.auditHeadEverySeconds * 1000 });

  await registerWebApp(app, config);
  return app;
}
