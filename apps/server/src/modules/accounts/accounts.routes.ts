import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { AccountSummary, NoContent, Password, StaffRole, UnitCode, Username, Uuid } from './accounts.schemas';
import {
  createManagedAccount,
  createManagedToken,
  listManagedAccounts,
  resetManagedPassword,
  revokeManagedToken,
  updateManagedAccount,
  type NewAccountInput,
} from './accounts.service';
import { auditContext } from '../../core/http/request-audit';

const IdParams = Type.Object({ id: Uuid });

/** Account administration (`account.manage`): officers manage accounts within their own unit. */
export function accountsRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Staff and machine accounts within the caller’s unit',
        querystring: Type.Object({
          role: Type.Optional(StaffRole),
          unitCode: Type.Optional(UnitCode),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(AccountSummary), total: Type.Integer() }) },
      },
    },
    async (request) => listManagedAccounts(db, auditContext(request), request.query as Record<string, never>),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create a staff (or machine) account',
        body: Type.Object({
          username: Username,
          displayName: Type.String({ minLength: 1, maxLength: 200 }),
          role: StaffRole,
          unitCode: Type.Union([UnitCode, Type.Null()]),
          facilityId: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
          password: Password,
          kind: Type.Optional(Type.Union([Type.Literal('staff'), Type.Literal('machine')])),
        }),
        response: { 201: AccountSummary },
      },
    },
    async (request, reply) => {
      const created = await createManagedAccount(db, auditContext(request), request.body as NewAccountInput);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change an account’s name, role, unit or disabled state',
        params: IdParams,
        body: Type.Object({
          displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          role: Type.Optional(StaffRole),
          unitCode: Type.Optional(Type.Union([UnitCode, Type.Null()])),
          disabled: Type.Optional(Type.Boolean()),
        }),
        response: { 200: AccountSummary },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      return updateManagedAccount(db, auditContext(request), id, request.body as never);
    },
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password (ends the account’s sessions and lifts a lock-out)',
        params: IdParams,
        body: Type.Object({ password: Password }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await resetManagedPassword(
        db,
        auditContext(request),
        id,
        (request.body as { password: string }).password,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/accounts/:id/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Issue an API token (shown once) for Authorization: Bearer',
        params: IdParams,
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: Type.Object({ id: Type.String(), token: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const created = await createManagedToken(
        db,
        auditContext(request),
        id,
        (request.body as { name: string }).name,
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/accounts/:id/tokens/:tokenId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Revoke an API token',
        params: Type.Object({ id: Uuid, tokenId: Uuid }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { id, tokenId } = request.params as { id: string; tokenId: string };
      await revokeManagedToken(db, auditContext(request), id, tokenId);
      return reply.status(204).send();
    },
  );
}
