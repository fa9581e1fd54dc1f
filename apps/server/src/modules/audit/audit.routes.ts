import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import type { AuditFilter, AuditRow } from './audit.repository';
import { exportAudit, readAudit, verifyAudit } from './audit.service';
import type { HeadStore } from '../../core/audit/heads';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Filters = {
  personId: Type.Optional(Type.String({ format: 'uuid' })),
  actorAccountId: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  breakGlass: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
};

/** The search's own filters: names and identity numbers, so only ever in a POST body. */
const NamedFilters = {
  ...Filters,
  personName: Type.Optional(Type.String({ maxLength: 200 })),
  personIdNumber: Type.Optional(Type.String({ maxLength: 20 })),
  actorName: Type.Optional(Type.String({ maxLength: 200 })),
};

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorAccountId: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  actorUnit: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actorUnitName: Nullable(Type.String()),
  action: Type.String(),
  personId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  breakGlass: Type.Boolean(),
  details: Type.Record(Type.String(), Type.Unknown()),
});

function present(r: AuditRow) {
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

const Problem = Type.Union(
  [
    'gap',
    'link',
    'hash',
    'mac',
    'unkeyed',
    'head',
    'truncated',
    'heads',
    'rejected',
    'forged',
    'duplicate',
    'unchained',
  ].map((p) => Type.Literal(p)),
);

const Head = Type.Object({
  v: Type.Literal(1),
  sealSeq: Type.Integer(),
  chainHash: Type.String(),
  count: Type.Integer(),
  time: Type.String({ format: 'date-time' }),
  prev: Type.String({ description: "SHA-256 of the previous head's JSON line (zeros for the first)" }),
  sig: Type.String({ description: 'Ed25519 signature (base64url) of the other fields, keys sorted' }),
});

/** The audit trail: search, CSV export and chain verification. Every one of them is audited. */
export function auditRoutes(app: FastifyInstance, db: Db, heads: HeadStore): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail, newest first (page with nextBeforeId)',
        querystring: Type.Object({
          ...Filters,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(AuditEntry), nextBeforeId: Nullable(Type.Integer()) }),
        },
      },
    },
    async (request) => {
      const q = request.query as Omit<AuditFilter, 'limit'> & { limit?: number };
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
        body: Type.Object(
          { ...NamedFilters, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(AuditEntry), nextBeforeId: Nullable(Type.Integer()) }),
        },
      },
    },
    async (request) => {
      const q = request.body as Omit<AuditFilter, 'limit'> & { limit?: number };
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
        querystring: Type.Object(Filters),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        await exportAudit(db, auditContext(request), request.query as Omit<AuditFilter, 'limit'>),
      ),
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
        body: Type.Object(NamedFilters, { additionalProperties: false }),
        response: { 200: Type.String() },
      },
    },
    async (request, reply) =>
      sendCsv(
        reply,
        await exportAudit(db, auditContext(request), request.body as Omit<AuditFilter, 'limit'>),
      ),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Seal pending entries, recompute the hash chain and report the first broken entry',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            legacy: Type.Integer({
              description: 'Of which sealed before the chain was keyed (unkeyed hash)',
            }),
            unsealed: Type.Integer({ description: 'Entries committed but not chained yet' }),
            rejected: Type.Integer({
              description: 'Entries the sealer refused: not written by the application',
            }),
            heads: Type.Integer({ description: 'Published signed heads checked' }),
            lastHead: Type.Optional(Type.Object({ sealSeq: Type.Integer(), time: Type.String() })),
            problem: Type.Optional(Problem),
            brokenAt: Type.Optional(Type.Integer()),
          }),
        },
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
        querystring: Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })) }),
        response: {
          200: Type.Object({
            alg: Type.Literal('Ed25519'),
            publicKeyPem: Type.String(),
            heads: Type.Array(Head),
            more: Type.Boolean({ description: 'More heads follow: ask again with since = the last time' }),
          }),
        },
      },
    },
    async (request) => {
      const { since } = request.query as { since?: string };
      const page = heads.page(since ? new Date(since).toISOString() : null, 5000);
      return { alg: 'Ed25519' as const, publicKeyPem: heads.publicKeyPem(), ...page };
    },
  );
}
