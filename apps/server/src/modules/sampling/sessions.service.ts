import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { authorize, can, canAt } from '../../core/auth/policy';
import { AppError, assertNoFieldErrors, fieldError } from '../../core/errors';
import type { FieldError } from '@phongdich/contracts';
import { locationOfCommune } from '../geo';
import { activeStaffAccountId } from '../accounts';
import { citizenPersonId } from '../people';
import {
  addTarget,
  findLab,
  findSession,
  insertSession,
  insertSite,
  isTeamMember,
  listSessions,
  sessionWithProgress,
  sitesOf,
  teamOf,
  type SessionListRow,
} from './sessions.repository';
import { locOf, type SessionRow } from './sampling.types';
import type { SessionInput } from '@phongdich/contracts/sampling';

export type { SessionInput };

const accountOf = (actor: Actor) => (actor.kind === 'anonymous' ? '' : actor.accountId);

export async function loadSession(q: Queryable, id: string): Promise<SessionRow> {
  const s = await findSession(q, id);
  if (!s) throw new AppError('TESTING_SESSION_NOT_FOUND');
  return s;
}

/** Samplers reach a session in their area or one whose team they are on. */
export async function sessionForSampler(q: Queryable, actor: Actor, id: string): Promise<SessionRow> {
  authorize(actor, 'testing.sample');
  const s = await loadSession(q, id);
  if (!(await isTeamMember(q, id, accountOf(actor)))) authorize(actor, 'testing.sample', locOf(s));
  return s;
}

/** Officers in the session's area manage it; its samplers may read it. */
export async function readableSession(q: Queryable, actor: Actor, id: string): Promise<SessionRow> {
  const s = await loadSession(q, id);
  if (canAt(actor, 'testing.session.manage', locOf(s))) return s;
  if (can(actor, 'testing.sample')) return sessionForSampler(q, actor, id);
  authorize(actor, 'testing.session.manage', locOf(s));
  return s;
}

export const sessionView = (r: SessionListRow) => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  testType: r.test_type,
  date: r.session_date,
  poolSize: r.pool_size,
  labId: r.lab_id,
  communeCode: r.commune_code,
  districtCode: r.district_code,
  provinceCode: r.province_code,
  status: r.status,
  progress: { targets: r.targets, targetsSampled: r.targets_sampled, sampled: r.sampled, tubes: r.tubes },
});

function validate(input: SessionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.name.trim())
    errors.push(fieldError('name', 'REQUIRED', 'Cần nhập tên đợt.', 'Name is required.'));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
    errors.push(fieldError('date', 'DATE_FORMAT', 'Ngày không hợp lệ.', 'Invalid date.'));
  }
  const pool = input.poolSize;
  if (pool !== undefined && (!Number.isInteger(pool) || pool < 1 || pool > 10)) {
    errors.push(
      fieldError('poolSize', 'POOL_SIZE_RANGE', 'Số mẫu gộp từ 1 đến 10.', 'Pool size is 1 to 10.'),
    );
  }
  return errors;
}

export function sessionsService(db: Db) {
  return {
    async create(ctx: AuditContext, input: SessionInput) {
      authorize(ctx.actor, 'testing.session.manage');
      const errors = validate(input);
      const loc = await locationOfCommune(db, input.communeCode);
      if (!loc)
        errors.push(
          fieldError('communeCode', 'COMMUNE_NOT_FOUND', 'Không tìm thấy xã/phường.', 'No such commune.'),
        );
      assertNoFieldErrors(errors);
      authorize(ctx.actor, 'testing.session.manage', loc!);
      if (input.labId && !(await findLab(db, input.labId))) throw new AppError('LAB_NOT_FOUND');
      const poolSize = input.poolSize ?? (input.testType === 'rt_pcr' ? 5 : 1);
      const id = await db.transaction(async (tx) => {
        const sid = await insertSession(tx, {
          name: input.name.trim(),
          kind: input.kind,
          testType: input.testType,
          date: input.date,
          poolSize,
          labId: input.labId ?? null,
          ...loc!,
          createdBy: accountOf(ctx.actor),
        });
        for (const [i, site] of (input.sites ?? []).entries()) {
          await insertSite(tx, sid, site.name.trim(), site.address?.trim() || null, i + 1);
        }
        await recordAudit(tx, ctx, { action: 'testing.session.create', details: { sessionId: sid } });
        return sid;
      });
      return this.get(ctx, id);
    },

    async list(ctx: AuditContext, limit = 100) {
      if (!can(ctx.actor, 'testing.session.manage')) authorize(ctx.actor, 'testing.sample');
      const rows = await listSessions(db, ctx.actor, accountOf(ctx.actor), limit);
      return { items: rows.map(sessionView) };
    },

    async get(ctx: AuditContext, id: string) {
      await readableSession(db, ctx.actor, id);
      const row = (await sessionWithProgress(db, id))!;
      const team = await teamOf(db, id);
      return {
        ...sessionView(row),
        sites: (await sitesOf(db, id)).map((s) => ({ id: s.id, name: s.name, address: s.address })),
        team: team.map((t) => ({ accountId: t.account_id, displayName: t.display_name, siteId: t.site_id })),
      };
    },

    /** Puts a sampler account (by username) on the session's team, optionally at one site. */
    async addTeamMember(ctx: AuditContext, id: string, body: { username: string; siteId?: string | null }) {
      const s = await loadSession(db, id);
      authorize(ctx.actor, 'testing.session.manage', locOf(s));
      const samplerId = await activeStaffAccountId(db, body.username.trim(), 'sampler');
      if (!samplerId)
        throw new AppError('VALIDATION_FAILED', [
          fieldError(
            'username',
            'SAMPLER_NOT_FOUND',
            'Không có nhân viên lấy mẫu với tên đăng nhập này.',
            'No sampler account with this username.',
          ),
        ]);
      const siteOk = !body.siteId || (await sitesOf(db, id)).some((x) => x.id === body.siteId);
      if (!siteOk)
        throw new AppError('VALIDATION_FAILED', [
          fieldError(
            'siteId',
            'SITE_NOT_FOUND',
            'Điểm lấy mẫu không thuộc đợt này.',
            'The site is not part of this session.',
          ),
        ]);
      await db.transaction(async (tx) => {
        await tx.query(
          `insert into testing_team_members (session_id, account_id, site_id) values ($1, $2, $3)
           on conflict (session_id, account_id) do update set site_id = excluded.site_id`,
          [id, samplerId, body.siteId ?? null],
        );
        await recordAudit(tx, ctx, {
          action: 'testing.team.add',
          details: { sessionId: id, accountId: samplerId },
        });
      });
      return this.get(ctx, id);
    },

    /** A signed-in citizen puts themselves on an open session's list. */
    async register(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'testing.register');
      // Read through, not from the actor alone: the account may have been linked a moment ago.
      const personId = await citizenPersonId(db, ctx.actor);
      if (!personId) throw new AppError('PERSON_NOT_FOUND', undefined, 'citizen without a person record');
      const s = await loadSession(db, id);
      if (s.status !== 'open') throw new AppError('TESTING_SESSION_CLOSED');
      const added = await db.transaction(async (tx) => {
        const fresh = await addTarget(tx, id, personId, 'self');
        if (fresh)
          await recordAudit(tx, ctx, {
            action: 'testing.register',
            personId,
            details: { sessionId: id },
          });
        return fresh;
      });
      return {
        sessionId: id,
        name: s.name,
        date: s.session_date,
        registered: true,
        alreadyRegistered: !added,
      };
    },
  };
}
