import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './core/config';
import type { Db } from './core/db/db';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './core/http/error-handler';
import { registerOpenApi } from './core/http/openapi';
import { registerInputRules } from './core/http/input-rules';
import { addStrictFormats } from './core/http/strict-formats';
import { registerWebApp } from './core/http/web-app';
import { registerCompression } from './core/http/compression';
import { sharedSerializerBuilder, sharedValidatorBuilder } from './core/http/schema-compilers';
import { registerSecurityHeaders } from './core/http/security-headers';
import { scheduleRetention } from './core/retention';
import { registerAuthentication } from './core/auth/authenticate';
import { recordRoutes } from './core/auth/route-policy';
import { outboxRoutes } from './modules/outbox';
import { authRoutes, accountsRoutes } from './modules/accounts';
import { auditRoutes } from './modules/audit';
import { healthRoutes } from './modules/health';
import {
  keysRoutes,
  refreshVerifierTrust,
  renewExpiringSigner,
  VERIFIER_TRUST_POLL_MS,
} from './modules/keys';
import { LOCKS } from './core/db/locks';
import { withKeysSecret } from './core/crypto/keys-secret';
import { worklistRoutes } from './modules/worklist';
import { geoRoutes, unitMoveRoutes } from './modules/geo';
import { peopleRoutes, peopleMeRoutes } from './modules/people';
import { venuesRoutes } from './modules/venues';
import { figuresRoutes } from './modules/figures';
import { declarationsRoutes, declarationStatusSource } from './modules/declarations';
import { personalQrRoutes } from './modules/personal-qr';
import { scanRoutes } from './modules/scan';
import { statusRoutes, registerStatusSource } from './modules/status';
import { casesRoutes, casesStatusSource, followResultCorrection, openCaseFromResult } from './modules/cases';
import { checkinsRoutes } from './modules/checkins';
import { labRoutes, testingFiguresRoutes, labStatusSource } from './modules/lab';
import { resultsRoutes } from './modules/results';
import { certificatesRoutes } from './modules/certificates';
import { samplingRoutes } from './modules/sampling';
import {
  tracingEventHandlers,
  tracingRoutes,
  tracingStatusSource,
  runProximityRetention,
} from './modules/tracing';
import {
  dropDecidedEvidence,
  vaccinationCorrectionsRoutes,
  vaccinationFiguresHandler,
  vaccinationCertificateHandler,
  vaccinationRoutes,
  vaccinationStatusSource,
  vaccinationInvitationsRoutes,
  sendBookingReminders,
  registerCorrectionCandidateSource,
  importCorrectionCandidates,
} from './modules/vaccination';
import { scheduleAuditSealing } from './core/audit/sealer';
import { deriveAuditKeys, withAuditKeys } from './core/audit/audit-keys';
import { HeadStore } from './core/audit/heads';
import { EventDispatcher } from './core/events/dispatcher';
import type { DispatchOptions } from './core/events/dispatch';
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
const EVENT_HANDLERS: readonly EventHandler[] = [
  openCaseFromResult,
  followResultCorrection,
  ...(tracingEventHandlers as readonly EventHandler[]),
  // vaccination's coverage counts and next-due list follow every dose, whatever its source
  vaccinationFiguresHandler,
];

export interface AppDeps {
  config: Config;
  db: Db;
  /** Where log lines go (a test reads them); standard output by default. */
  logStream?: { write(line: string): void };
  /**
   * Handlers besides the app's own, and the dispatcher's attempts and backoff: a test server (e2e)
   * adds a handler that fails, to show an administrator a dead event.
   */
  events?: {
    handlers?: readonly EventHandler[];
    options?: Pick<DispatchOptions, 'maxAttempts' | 'backoffMs'>;
  };
}

/** Never log request bodies or query strings: they may carry personal data. */
const logRedaction = {
  paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
  remove: true,
};

/** Builds the whole HTTP application. The one place where modules are wired together. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db: given, logStream } = deps;
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
    // Compiled once per process, not once per app (core/http/schema-compilers.ts).
    schemaController: {
      compilersFactory: { buildValidator: sharedValidatorBuilder, buildSerializer: sharedSerializerBuilder },
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

  // --- modules: each an encapsulated plugin, so the hooks, parsers and decorators it adds stay its own ---
  const plugin = (routes: (scope: FastifyInstance) => void) => app.register(async (scope) => routes(scope));
  // The outbox stays on the root: its dispatcher decorates the app so sign-in can kick it.
  outboxRoutes(app, db, config);
  await plugin((s) => healthRoutes(s, db));
  await plugin((s) => keysRoutes(s, db));
  await plugin((s) => worklistRoutes(s, db));
  await plugin((s) => geoRoutes(s, db));
  await plugin((s) => unitMoveRoutes(s, db));
  await plugin((s) => authRoutes(s, db, config));
  await plugin((s) => accountsRoutes(s, db));
  await plugin((s) => auditRoutes(s, db, auditHeads));
  await plugin((s) => peopleRoutes(s, db));
  await plugin((s) => peopleMeRoutes(s, db));
  await plugin((s) => personalQrRoutes(s, db));
  await plugin((s) => scanRoutes(s, db));
  // The sources of a person's colour, named here rather than registered by importing a module.
  registerStatusSource(labStatusSource);
  registerStatusSource(declarationStatusSource);
  registerStatusSource(vaccinationStatusSource);
  registerStatusSource(casesStatusSource);
  registerStatusSource(tracingStatusSource);
  // The bulk import's unmatched and ambiguous rows beside a correction under review (vaccination §5).
  registerCorrectionCandidateSource('import', importCorrectionCandidates);
  await plugin((s) => statusRoutes(s, db));
  await plugin((s) => declarationsRoutes(s, db));
  await plugin((s) => checkinsRoutes(s, db));
  await plugin((s) => venuesRoutes(s, db));
  await plugin((s) => figuresRoutes(s, db));
  await plugin((s) => labRoutes(s, db));
  await plugin((s) => testingFiguresRoutes(s, db));
  await plugin((s) => resultsRoutes(s, db));
  await plugin((s) => certificatesRoutes(s, db));
  await plugin((s) => samplingRoutes(s, db));
  await plugin((s) => vaccinationRoutes(s, db));
  await plugin((s) => casesRoutes(s, db));
  await plugin((s) => tracingRoutes(s, db));
  await plugin((s) => vaccinationCorrectionsRoutes(s, db));
  await plugin((s) => vaccinationInvitationsRoutes(s, db, config.publicUrl));
  // --- end modules ---
  const events = new EventDispatcher(db, {
    ...deps.events?.options,
    onHandlerError: ({ eventId, type, handler, error }) =>
      app.log.warn({ eventId, type, handler, err: { message: error.message } }, 'event handler failed'),
  });
  // Imported doses' certificates are issued after the import commits (it needs the keyed handle).
  events.register(vaccinationCertificateHandler(db));
  for (const h of [...EVENT_HANDLERS, ...(deps.events?.handlers ?? [])]) events.register(h);
  app.decorate('events', events);
  const dispatch = jobs.add({ name: 'domain-events', everyMs: 1000, run: () => events.pass() });
  eventsAdminRoutes(app, db, dispatch.runNow);
  // The verify path's in-memory trust list and revocations follow other servers' changes (modules/keys):
  // one poll a second bounds how long another server's revocation or trust-list change takes to arrive.
  jobs.add({
    name: 'dcc-verifier-trust',
    everyMs: VERIFIER_TRUST_POLL_MS,
    run: () => refreshVerifierTrust(db),
  });
  // Our DCC signer is replaced before its DSC ends, so every certificate it signed verifies to its end.
  jobs.add({
    name: 'dcc-signer-renewal',
    everyMs: 3_600_000,
    lock: LOCKS.dccSignerRenewal,
    run: async () => void (await renewExpiringSigner(db)),
  });
  jobs.add({
    name: 'correction-evidence-retention',
    everyMs: 3_600_000,
    run: async () => void (await dropDecidedEvidence(db)),
  });
  // Reminders the day before a booked slot, once per booking (the reminder row is the marker).
  jobs.add({
    name: 'vaccination-reminders',
    everyMs: 15 * 60_000,
    lock: LOCKS.vaccinationReminders,
    run: async () => void (await sendBookingReminders(db)),
  });
  scheduleRetention(jobs, db);
  // Encounter logs and proximity identifiers go after the tracing rules' retention (hourly check).
  jobs.add({
    name: 'proximity-retention',
    everyMs: 3_600_000,
    run: async () => void (await runProximityRetention(db)),
  });
  scheduleAuditSealing(jobs, db, auditHeads, { headEveryMs: config.auditHeadEverySeconds * 1000 });

  await registerWebApp(app, config);
  return app;
}
