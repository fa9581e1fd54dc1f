import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  LoginBody,
  MeResponse,
  NoContent,
  OtpRequestBody,
  OtpRequestedSchema,
  OtpVerifyBody,
  PasswordChangeBody,
  TotpEnableBody,
  TotpSetupSchema,
} from '@phongdich/contracts/accounts';
import type { Config } from '../../core/config';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { auditContext, requestContext } from '../../core/http/request-audit';
import { deleteSession } from '../../core/auth/sessions';
import { SESSION_COOKIE } from '../../core/auth/tokens';
import { findAccountById } from './accounts.repository';
import { presentMe } from './me';
import { OTP_TTL_SECONDS, requestOtp, verifyOtp } from './otp.service';
import { changePassword, enableTotp, setupTotp } from './self.service';
import { signInStaff, type SignedIn } from './sign-in.service';
import { encryptLegacyTotpSecrets } from './totp-secret';

/** Per-IP limits on the routes that guess at secrets, on top of the per-account and per-phone limits. */
const limited = { rateLimit: { max: 20, timeWindow: '1 minute' } };

export function authRoutes(root: FastifyInstance, db: Db, config: Config): void {
  // Handlers get body types from their schemas: no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  // One-off: TOTP secrets stored in clear before they were encrypted get sealed at start. Sign-in
  // still reads clear ones, so a failure here is logged and does not stop the server.
  app.addHook('onReady', async () => {
    try {
      const sealed = await encryptLegacyTotpSecrets(db, config.secret);
      if (sealed) app.log.info({ sealed }, 'TOTP secrets stored in clear are now encrypted');
    } catch (err) {
      app.log.error({ err }, 'could not encrypt TOTP secrets stored in clear');
    }
  });

  const startSession = async (reply: FastifyReply, s: SignedIn) => {
    reply.setCookie(SESSION_COOKIE, s.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.production,
      path: '/',
      maxAge: s.maxAge,
    });
    return { account: await presentMe(db, s.account) };
  };

  app.post(
    '/api/auth/login',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in with username, password and (if enabled) a two-factor code',
        body: LoginBody,
        response: { 200: MeResponse },
      },
    },
    async (request, reply) => {
      return startSession(reply, await signInStaff(db, config.secret, auditContext(request), request.body));
    },
  );

  app.post(
    '/api/auth/otp/request',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Send a one-time sign-in code to a citizen’s mobile number',
        body: OtpRequestBody,
        response: { 202: OtpRequestedSchema },
      },
    },
    async (request, reply) => {
      await requestOtp(db, config.secret, auditContext(request), request.body.phone);
      void app.outbox.kick();
      const devInbox = config.messageTransport === 'dev' && !config.production;
      return reply.status(202).send({ sent: true, expiresInSeconds: OTP_TTL_SECONDS, devInbox });
    },
  );

  app.post(
    '/api/auth/otp/verify',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Sign a citizen in with the one-time code (creates the account on first sign-in)',
        body: OtpVerifyBody,
        response: { 200: MeResponse },
      },
    },
    async (request, reply) => {
      return startSession(reply, await verifyOtp(db, config.secret, auditContext(request), request.body));
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 204: NoContent } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account and what it may do',
        response: { 200: MeResponse },
      },
    },
    async (request) => {
      const { actor } = requestContext(request);
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      const account = await findAccountById(db, actor.accountId);
      if (!account) throw new AppError('UNAUTHENTICATED');
      return { account: await presentMe(db, account) };
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start two-factor set-up: a new secret for an authenticator app',
        response: { 200: TotpSetupSchema },
      },
    },
    async (request) => setupTotp(db, config.secret, auditContext(request)),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Turn two-factor sign-in on with a code from the app',
        body: TotpEnableBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await enableTotp(db, config.secret, auditContext(request), request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: limited,
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password',
        body: PasswordChangeBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await changePassword(db, config.secret, auditContext(request), request.body);
      return reply.status(204).send(null);
    },
  );
}
