import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import * as S from '@phongdich/contracts/vaccination-invitations';
import { CampaignListQuery, CampaignListSchema } from '@phongdich/contracts/vaccination-campaigns';
import type { Db } from '../../core/db/db';
import { recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { auditContext } from '../../core/http/request-audit';
import { findPerson, locationOf } from './vaccination.deps';
import { campaignsService } from './vaccination.campaigns';
import { invitationsService } from './vaccination.invitations';
import { invitationListsService, purgeInvitationLists } from './vaccination.invitations.lists';
import { importInvitationList } from './vaccination.invitations.import';
import { assertPriorityGroup, setPriorityGroup } from './vaccination.priority';

const tags = ['vaccination'];

/**
 * Campaigns of the officer's area, invitations by priority group (the number due first), invitation
 * lists (column maps, preview, the refused rows' error sheet), the list with counts, and a person's
 * priority group (issue #12 §2).
 */
export function vaccinationInvitationsRoutes(root: FastifyInstance, db: Db, publicUrl: string): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  // The link in an invitation opens the citizen's own page (sign-in first): nothing personal in it.
  const bookingUrl = `${publicUrl.replace(/\/$/, '')}/vaccination/mine`;
  const invitations = invitationsService(db, bookingUrl);
  const lists = invitationListsService(db);
  const campaigns = campaignsService(db);
  // A list's refused rows are only kept to be fixed: deleted after their retention.
  root.jobs.add({
    name: 'vaccination-invitation-lists',
    everyMs: 3_600_000,
    run: async () => void (await purgeInvitationLists(db)),
  });

  const fileOf = (body: unknown) => {
    if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('UPLOAD_EMPTY');
    return new Uint8Array(body);
  };
  // An invitation list arrives as the raw body (CSV or .xlsx); the parser applies to these routes only.
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
          response: { 200: S.InvitationImportResultSchema },
        },
      },
      async (req) =>
        importInvitationList(
          db,
          auditContext(req),
          req.params.id,
          req.query.siteId,
          fileOf(req.body),
          bookingUrl,
        ),
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/vaccination/invitations/preview',
      {
        schema: {
          tags,
          summary: 'Xem trước cột của danh sách mời / Which columns an invitation list has',
          response: { 200: S.InvitationPreviewSchema },
        },
      },
      async (req) => lists.preview(auditContext(req), fileOf(req.body)),
    );
  });

  app.get(
    '/api/vaccination/campaigns',
    {
      schema: {
        tags,
        summary: 'Chiến dịch trong địa bàn (phân trang) / Campaigns of your area (paged)',
        querystring: CampaignListQuery,
        response: { 200: CampaignListSchema },
      },
    },
    async (req) => campaigns.list(auditContext(req), req.query),
  );
  app.get(
    '/api/vaccination/campaigns/:id/invitations/due',
    {
      schema: {
        tags,
        summary: 'Số người đến hạn sẽ được mời / How many due people an invitation would reach',
        params: S.CampaignParams,
        querystring: S.DueCountQuery,
        response: { 200: S.DueCountSchema },
      },
    },
    async (req) => invitations.dueCount(auditContext(req), req.params.id, req.query),
  );
  app.get(
    '/api/vaccination/invitations/column-map',
    {
      schema: {
        tags,
        summary: 'Cột đã lưu cho danh sách mời / Saved column map of invitation lists',
        response: { 200: S.InvitationColumnMapSchema },
      },
    },
    async (req) => lists.getColumnMap(auditContext(req)),
  );
  app.put(
    '/api/vaccination/invitations/column-map',
    {
      schema: {
        tags,
        summary: 'Lưu cột cho các danh sách mời sau / Save the column map for the next invitation lists',
        body: S.InvitationColumnMapSchema,
        response: { 200: S.InvitationColumnMapSchema },
      },
    },
    async (req) => lists.putColumnMap(auditContext(req), req.body),
  );
  app.get(
    '/api/vaccination/invitation-lists/:id/error-sheet',
    {
      schema: {
        tags,
        summary: 'Các dòng bị từ chối của danh sách mời / The refused rows of an invitation list',
        params: S.InvitationImportParams,
      },
    },
    async (req, reply) => {
      const sheet = await lists.errorSheet(auditContext(req), req.params.id);
      return reply
        .header('content-type', sheet.contentType)
        .header('content-disposition', `attachment; filename="loi-danh-sach-moi.${sheet.extension}"`)
        .header('cache-control', 'no-store')
        .send(sheet.bytes);
    },
  );

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
