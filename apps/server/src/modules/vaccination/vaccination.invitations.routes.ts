import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import * as S from '@phongdich/contracts/vaccination-invitations';
import type { Db } from '../../core/db/db';
import { recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { auditContext } from '../../core/http/request-audit';
import { findPerson, locationOf } from './vaccination.deps';
import { invitationsService } from './vaccination.invitations';
import { importInvitationList } from './vaccination.invitations.import';
import { assertPriorityGroup, setPriorityGroup } from './vaccination.priority';

const tags = ['vaccination'];

/** Invitations by priority group, their list with counts, and a person's priority group (issue #12 §2). */
export function vaccinationInvitationsRoutes(root: FastifyInstance, db: Db, publicUrl: string): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  // The link in an invitation opens the citizen's own page (sign-in first): nothing personal in it.
  const bookingUrl = `${publicUrl.replace(/\/$/, '')}/vaccination/mine`;
  const invitations = invitationsService(db, bookingUrl);

  // An invitation list arrives as the raw body (CSV or .xlsx); the parser applies to this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [
        'text/csv',
        'text/plain',
        'application/octet-stream',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      { parseAs: 'buffer', bodyLimit: 8 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/vaccination/campaigns/:id/invitations/import',
      {
        schema: {
          tags,
          summary: 'Nhập danh sách mời (CSV/Excel) / Import an invitation list',
          params: S.CampaignParams,
          querystring: S.InvitationImportQuery,
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new AppError('UPLOAD_EMPTY');
        return importInvitationList(
          db,
          auditContext(req),
          req.params.id,
          req.query.siteId,
          new Uint8Array(req.body),
          bookingUrl,
        );
      },
    );
  });

  app.post(
    '/api/vaccination/campaigns/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Mời người đến hạn theo nhóm ưu tiên / Invite the due people of a priority group',
        params: S.CampaignParams,
        body: S.InviteBody,
        response: { 200: S.InviteResultSchema },
      },
    },
    async (req) => invitations.invite(auditContext(req), req.params.id, req.body),
  );
  app.get(
    '/api/vaccination/campaigns/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Danh sách mời và số theo trạng thái / Invitations and counts per status',
        params: S.CampaignParams,
        querystring: S.InvitationsQuery,
        response: { 200: S.InvitationListSchema },
      },
    },
    async (req) => invitations.list(auditContext(req), req.params.id, req.query),
  );
  app.put(
    '/api/vaccination/people/:personId/priority-group',
    {
      schema: {
        tags,
        summary: 'Nhóm ưu tiên của một người / A person’s priority group',
        params: S.PersonPriorityParams,
        body: S.PriorityGroupBody,
        response: { 200: S.PriorityGroupSchema },
      },
    },
    async (req) => {
      const ctx = auditContext(req);
      authorize(ctx.actor, 'vaccination.import');
      const person = await findPerson(db, req.params.personId);
      if (!person) throw new AppError('PERSON_NOT_FOUND');
      authorize(ctx.actor, 'vaccination.import', locationOf(person));
      const group = req.body.group;
      if (group !== null) await assertPriorityGroup(db, group);
      await db.transaction(async (tx) => {
        await setPriorityGroup(tx, {
          personId: person.id,
          group,
          source: 'officer',
          accountId: ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
        });
        await recordAudit(tx, ctx, {
          action: 'vaccination.priorityGroup.set',
          personId: person.id,
          details: { group },
        });
      });
      return { personId: person.id, group };
    },
  );
}
