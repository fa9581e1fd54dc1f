import { ERRORS } from '@phongdich/contracts';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { emitEvent } from '../../core/events/emit';
import { isUniqueViolation } from '../people';
import { resolvePersonId } from './person-code';
import { normalizeBarcode } from './sampling.barcode';
import { type Notice, type SessionRow, type TubeRow } from './sampling.types';
import { sessionForSampler } from './sessions.service';
import {
  findMemberBySample,
  findTube,
  insertMember,
  markTubeUsed,
  membersOf,
  otherTubesOf,
} from './tubes.repository';
import type { SampleItem } from '@phongdich/contracts/sampling';

export type SampleInput = SampleItem;

const SHIPPED = ['in_transit', 'received', 'resulted', 'void'];
const accountOf = (ctx: AuditContext) => (ctx.actor.kind === 'anonymous' ? '' : ctx.actor.accountId);

export async function tubeView(q: Queryable, tube: TubeRow, capacity: number) {
  const members = await membersOf(q, tube.barcode);
  return {
    barcode: tube.barcode,
    status: tube.status,
    sealed: tube.sealed_at !== null,
    sessionId: tube.session_id,
    testType: tube.test_type,
    sampleType: tube.sample_type,
    capacity,
    count: members.length,
    members: members.map((m) => ({
      personId: m.person_id,
      position: m.position,
      fullName: m.full_name,
      birthYear: m.birth_year,
    })),
  };
}

/** Refuses a tube that cannot take this person; the checks follow what a sampler would fix first. */
function checkTube(tube: TubeRow | undefined, session: SessionRow): TubeRow {
  if (!tube) throw new AppError('TUBE_UNKNOWN');
  if (SHIPPED.includes(tube.status) || (tube.session_id && tube.session_id !== session.id)) {
    throw new AppError('TUBE_ALREADY_USED');
  }
  if (tube.test_type !== session.test_type) throw new AppError('TUBE_TEST_TYPE_MISMATCH');
  return tube;
}

export function samplesService(db: Db) {
  async function replay(ctx: AuditContext, input: SampleInput, barcode: string | null) {
    const earlier = await findMemberBySample(db, input.id);
    if (!earlier) return undefined;
    if (earlier.barcode !== barcode || earlier.session_id !== input.sessionId)
      throw new AppError('SAMPLE_ID_REUSED');
    const session = await sessionForSampler(db, ctx.actor, input.sessionId);
    const tube = (await findTube(db, earlier.barcode))!;
    return {
      id: input.id,
      personId: earlier.person_id,
      replayed: true,
      warnings: [] as Notice[],
      tube: await tubeView(db, tube, session.pool_size),
    };
  }

  async function link(ctx: AuditContext, input: SampleInput) {
    const barcode = normalizeBarcode(input.barcode);
    const earlier = await replay(ctx, input, barcode);
    if (earlier) return earlier;
    const session = await sessionForSampler(db, ctx.actor, input.sessionId);
    if (session.status !== 'open') throw new AppError('TESTING_SESSION_CLOSED');
    if (!barcode) throw new AppError('TUBE_UNKNOWN');
    checkTube(await findTube(db, barcode), session); // fail fast before resolving (and maybe registering) a person
    const personId = await resolvePersonId(db, ctx, input, session);
    try {
      return await db.transaction(async (tx) => {
        const tube = checkTube(await findTube(tx, barcode, true), session);
        const members = await membersOf(tx, barcode);
        if (members.some((m) => m.person_id === personId)) throw new AppError('PERSON_ALREADY_IN_TUBE');
        if (members.length >= session.pool_size) throw new AppError('TUBE_FULL');
        if (tube.sealed_at) throw new AppError('TUBE_SEALED');
        // A member of a positive pool is re-tested alone (issue #7 §3): never pooled with anyone.
        const retest = await pendingRetestOf(tx, [personId, ...members.map((m) => m.person_id)]);
        if (retest.size && members.length > 0) throw new AppError('RETEST_NEEDS_INDIVIDUAL_TUBE');
        const retestPool = retest.get(personId);
        const warnings: Notice[] = (await otherTubesOf(tx, session.id, personId, barcode)).map((other) => ({
          code: 'PERSON_ALREADY_SAMPLED',
          message: {
            vi: `Người này đã được lấy mẫu trong đợt này (ống ${other}).`,
            en: `This person was already sampled in this session (tube ${other}).`,
          },
          barcode: other,
        }));
        if (retestPool)
          warnings.unshift({
            code: 'RETEST_INDIVIDUAL',
            message: {
              vi: `XÉT NGHIỆM LẠI: người này thuộc mẫu gộp dương tính ${retestPool}. Ống ${barcode} đã được đóng chỉ với người này (mẫu đơn); dùng ống mới cho người tiếp theo.`,
              en: `RE-TEST: this person was in positive pool ${retestPool}. Tube ${barcode} is now sealed with this person alone (individual sample); use a new tube for the next person.`,
            },
            barcode,
          });
        await insertMember(tx, {
          barcode,
          personId,
          position: members.length + 1,
          sampleId: input.id,
          sessionId: session.id,
          collectedAt: input.collectedAt,
          accountId: accountOf(ctx),
        });
        await markTubeUsed(tx, {
          barcode,
          sessionId: session.id,
          pooled: session.pool_size > 1,
          sampleType: input.sampleType,
          collectedAt: input.collectedAt,
          accountId: accountOf(ctx),
          loc: {
            communeCode: session.commune_code,
            districtCode: session.district_code,
            provinceCode: session.province_code,
          },
          // A full pool (or a single-person tube) seals itself: nothing more may go in.
          seal: members.length + 1 >= session.pool_size || !!retestPool,
        });
        await emitEvent(tx, 'sample.collected', {
          sampleId: input.id,
          barcode,
          personId,
          sessionId: session.id,
          testType: session.test_type,
        });
        await recordAudit(tx, ctx, {
          action: 'testing.sample.link',
          personId,
          details: { barcode, sessionId: session.id, sampleId: input.id },
        });
        const view = await tubeView(tx, (await findTube(tx, barcode))!, session.pool_size);
        return { id: input.id, personId, replayed: false, warnings, tube: view };
      });
    } catch (err) {
      // The same client id raced in twice (a retry while the first was in flight): answer like a retry.
      if (isUniqueViolation(err)) {
        const again = await replay(ctx, input, barcode);
        if (again) return again;
      }
      throw err;
    }
  }

  return {
    link,

    /** Offline batch: each item on its own, like the check-in batch; one bad item never blocks the rest. */
    async linkBatch(ctx: AuditContext, items: SampleInput[]) {
      authorize(ctx.actor, 'testing.sample');
      const results = [];
      for (const item of items) {
        try {
          results.push({ id: item.id, ok: true as const, result: await link(ctx, item) });
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          const { vi, en } = ERRORS[err.code];
          results.push({
            id: item.id,
            ok: false as const,
            error: { code: err.code, message: { vi, en }, details: err.details },
          });
        }
      }
      return { results };
    },

    async getTube(ctx: AuditContext, raw: string) {
      authorize(ctx.actor, 'testing.sample');
      const barcode = normalizeBarcode(raw);
      const tube = barcode ? await findTube(db, barcode) : undefined;
      if (!tube) throw new AppError('TUBE_UNKNOWN');
      if (!tube.session_id) return tubeView(db, tube, 0);
      const session = await sessionForSampler(db, ctx.actor, tube.session_id);
      const view = await tubeView(db, tube, session.pool_size);
      // The members' names are personal data: each read is audited per person.
      await db.transaction(async (tx) => {
        for (const m of view.members) {
          await recordAudit(tx, ctx, {
            action: 'testing.tube.read',
            personId: m.personId,
            details: { barcode },
          });
        }
      });
      return view;
    },

    /** Seals a pool so no one else goes in; sealing again is harmless. */
    async close(ctx: AuditContext, raw: string) {
      authorize(ctx.actor, 'testing.sample');
      const barcode = normalizeBarcode(raw);
      if (!barcode) throw new AppError('TUBE_UNKNOWN');
      return db.transaction(async (tx) => {
        const tube = await findTube(tx, barcode, true);
        if (!tube) throw new AppError('TUBE_UNKNOWN');
        if (!tube.session_id || tube.status === 'printed') throw new AppError('TUBE_EMPTY');
        const session = await sessionForSampler(tx, ctx.actor, tube.session_id);
        if (!tube.sealed_at) {
          await tx.query('update tubes set sealed_at = now(), updated_at = now() where barcode = $1', [
            barcode,
          ]);
          await recordAudit(tx, ctx, {
            action: 'testing.tube.close',
            details: { barcode, sessionId: tube.session_id },
          });
        }
        return tubeView(tx, (await findTube(tx, barcode))!, session.pool_size);
      });
    },
  };
}

/**
 * People among these with a pending re-test of a positive pool, and that pool's barcode. The re-test
 * tasks are the lab's (it opens them at a positive pool's release and closes them with the member's
 * own result or a correction): sampling reads them through the lab's read view retest_brief (0071),
 * pending ones only. Not a call: the lab imports sampling (tubes), so sampling may not import the lab;
 * and not an ownership move: the lab alone decides a re-test is due and when it is done.
 */
async function pendingRetestOf(q: Queryable, personIds: string[]): Promise<Map<string, string>> {
  const rows = await q.query<{ person_id: string; pool_barcode: string }>(
    `select person_id::text as person_id, pool_barcode from retest_brief where person_id = any($1::uuid[])`,
    [personIds],
  );
  return new Map(rows.map((r) => [r.person_id, r.pool_barcode]));
}
