import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AccountIdParams,
  AccountList,
  AccountListQuery,
  AccountPatchBody,
  AccountSummary,
  NewAccountBody,
  NoContent,
  ResetPasswordBody,
  TokenBody,
  TokenCreated,
  TokenParams,
} from '@phongdich/contracts/accounts';
import type { Db } from '../../core/db/db';
import {
  createManagedAccount,
  createManagedToken,
  listManagedAccounts,
  resetManagedPassword,
  revokeManagedToken,
  updateManagedAccount,
} from './accounts.service';
import { auditContext } from '../../core/http/request-audit';

/** Account administration (`account.manage`): officers manage accounts within their own unit. */
export function accountsRoutes(root: FastifyInstance, db: Db): void {
  // Handlers get params, query and body types from their schemas: no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Staff and machine accounts within the caller’s unit',
        querystring: AccountListQuery,
        response: { 200: AccountList },
      },
    },
    async (request) => listManagedAccounts(db, auditContext(request), request.query),
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create a staff (or machine) account',
        body: NewAccountBody,
        response: { 201: AccountSummary },
      },
    },
    async (request, reply) => {
      const created = await createManagedAccount(db, auditContext(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change an account’s name, role, unit or disabled state',
        params: AccountIdParams,
        body: AccountPatchBody,
        response: { 200: AccountSummary },
      },
    },
    async (request) => {
      return updateManagedAccount(db, auditContext(request), request.params.id, request.body);
    },
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password (ends the account’s sessions and lifts a lock-out)',
        params: AccountIdParams,
        body: ResetPasswordBody,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await resetManagedPassword(db, auditContext(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/accounts/:id/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Issue an API token (shown once) for Authorization: Bearer',
        params: AccountIdParams,
        body: TokenBody,
        response: { 201: TokenCreated },
      },
    },
    async (request, reply) => {
      const created = await createManagedToken(
        db,
        auditContext(request),
        request.params.id,
        request.body.name,
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
        params: TokenParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { id, tokenId } = request.params;
      await revokeManagedToken(db, auditContext(request), id, tokenId);
      return reply.status(204).send(null);
    },
  );
}
