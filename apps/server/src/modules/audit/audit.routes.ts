import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AuditExportBody,
  AuditExportQuery,
  AuditEntriesSchema,
  AuditQuery,
  AuditSearchBody,
  ChainHeadsQuery,
  ChainHeadsSchema,
  ChainReportSchema,
  type AuditEntry,
} from '@phongdich/contracts/audit';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import type { AuditRow } from './audit.repository';
import { exportAudit, readAudit, verifyAudit } from './audit.service';
import type { HeadStore } from '../../core/audit/heads';

function present(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorAccountId: r.actor_account_id,
    actorRole: r.actor_role,
    actorUnit: r.actor_unit,
    actorName: r.actor_name,
    actorUnitName: r.actor_unit_name ?? null,
    action: r.action,
    personId: r.person_id,
    ip: r.ip,
    reason: r.reason,
    breakGlass: r.break_glass,
    details: r.details,
  };
}

/** The audit trail: search, CSV export and chain verification. Every one of them is audited. */
export function auditRoutes(root: FastifyInstance, db: Db, heads: HeadStore): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail, newest first (page with nextBeforeId)',
        querystring: AuditQuery,
        response: { 200: AuditEntriesSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const { rows, nextBeforeId } = await readAudit(db, auditContext(request), {
        ...q,
        limit: q.limit ?? 100,
      });
      return { items: rows.map(present), nextBeforeId };
    },
  );

  // Names and identity numbers are personal data: they travel in a POST body, never in a URL.
  app.post(
    '/api/audit/search',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail, also by person name or identity number and by account name',
        body: AuditSearchBody,
        response: { 200: AuditEntriesSchema },
      },
    },
    async (request) => {
      const q = request.body;
      const { rows, nextBeforeId } = await readAudit(db, auditContext(request), {
        ...q,
        limit: q.limit ?? 100,
      });
      return { items: rows.map(present), nextBeforeId };
    },
  );

  const sendCsv = (reply: FastifyReply, csv: string) => {
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${day}.csv"`)
      .send(csv);
  };

  app.get(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail as CSV (UTF-8 with BOM, for Excel), by filters that name no one',
        querystring: AuditExportQuery,
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => sendCsv(reply, await exportAudit(db, auditContext(request), request.query)),
  );

  // The export of what the search shows: the same filters, names and identity numbers included, so
  // in a POST body like the search's.
  app.post(
    '/api/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The audit trail as CSV, with every filter of the search (person name or ID number, account name)',
        body: AuditExportBody,
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => sendCsv(reply, await exportAudit(db, auditContext(request), request.body)),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Seal pending entries, recompute the hash chain and report the first broken entry',
        response: { 200: ChainReportSchema },
      },
    },
    async (request) => verifyAudit(db, heads, auditContext(request)),
  );

  // Public, like the trust lists: heads carry no personal data (positions, hashes, counts, times)
  // and are meant to be copied to places the database's administrators do not control.
  app.get(
    '/api/audit/heads',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['audit'],
        summary: 'Signed audit chain heads published by this server, oldest first, and their public key',
        querystring: ChainHeadsQuery,
        response: { 200: ChainHeadsSchema },
      },
    },
    async (request) => {
      const { since } = request.query;
      const page = heads.page(since ? new Date(since).toISOString() : null, 5000);
      return { alg: 'Ed25519' as const, publicKeyPem: heads.publicKeyPem(), ...page };
    },
  );
}
