import type { Queryable } from '../../core/db/db';
import { certificateDue } from '../certificates';
import type { SigningKey } from '../keys';
import { sendMessage } from '../outbox';
import { personBriefs } from '../people';
import { emitEvent } from '../../core/events/emit';
import { addWorklistItem, closeWorklistItems } from '../worklist';
import { issueCertificateFor } from './lab.certificate-issue';
import type { LabResultValue } from './lab.types';

interface ReleaseRow {
  barcode: string;
  result: LabResultValue;
  kit: string | null;
  released_at: Date;
  test_type: 'rt_pcr' | 'rapid_antigen';
  pooled: boolean;
  collected_at: Date | null;
  lab_id: string | null;
  lab_name: string | null;
}
export interface MemberRow {
  person_id: string;
  collected_at: Date;
  full_name: string | null;
  birth_date: string | null;
  birth_year: number | null;
  phones: string[] | null;
  commune_code: string | null;
}

const NOTICE = {
  subject: 'Phòng Dịch: kết quả xét nghiệm',
  // Privacy: the SMS says only that a result exists; the result itself is behind sign-in.
  body: 'Phong Dich: ket qua xet nghiem cua ban da co. Dang nhap ung dung de xem. / Your test result is available; sign in to see it.',
};

/** The tube's members in order, with what a release needs of each person (people's personBriefs). */
async function membersOf(tx: Queryable, barcode: string): Promise<MemberRow[]> {
  const rows = await tx.query<{ person_id: string; collected_at: Date }>(
    `select m.person_id::text as person_id, m.collected_at from tube_member_brief m where m.barcode = $1 order by m.position`,
    [barcode],
  );
  const people = await personBriefs(
    tx,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => {
    const p = people.get(r.person_id);
    return {
      ...r,
      full_name: p?.fullName ?? null,
      birth_date: p?.birthDate ?? null,
      birth_year: p?.birthYear ?? null,
      phones: p?.phones ?? null,
      commune_code: p?.communeCode ?? null,
    };
  });
}

/**
 * Everything a released tube causes, in the releasing transaction: a result per member, a notice,
 * certificates, re-test tasks for a positive pool, and for an individual positive the domain event
 * and the commune officer's worklist item. Each step is idempotent on its natural key.
 */
export async function applyRelease(tx: Queryable, key: SigningKey, barcode: string): Promise<void> {
  const tube = (
    await tx.query<ReleaseRow>(
      `select r.barcode, r.result, r.kit, r.released_at, t.test_type, t.pooled, t.collected_at,
         r.lab_id::text as lab_id, l.name as lab_name
       from lab_results r join tube_brief t on t.barcode = r.barcode left join labs l on l.id = r.lab_id
       where r.barcode = $1`,
      [barcode],
    )
  )[0];
  if (!tube) return;
  const members = await membersOf(tx, barcode);
  // A tube from a pooled session holding one person is an individual sample.
  const pooled = members.length > 1;
  for (const m of members) {
    const collectedAt = m.collected_at ?? tube.collected_at ?? tube.released_at;
    const inserted = await tx.query<{ id: string }>(
      `insert into person_results (person_id, barcode, result, test_type, pooled, collected_at, released_at, lab_id, lab_name)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (person_id, barcode) do nothing returning id`,
      [
        m.person_id,
        barcode,
        tube.result,
        tube.test_type,
        pooled,
        collectedAt,
        tube.released_at,
        tube.lab_id,
        tube.lab_name,
      ],
    );
    const personResultId = inserted[0]?.id;
    if (!personResultId) continue;
    const phone = m.phones?.[0];
    if (phone) await sendMessage(tx, { channel: 'sms', to: phone, ...NOTICE });
    if (!pooled && tube.result !== 'invalid') await closeRetests(tx, m.person_id, barcode);
    if (certificateDue(tube.result, pooled) && m.full_name && m.birth_year) {
      await issueCertificateFor(
        tx,
        key,
        { personId: m.person_id, personResultId, labId: tube.lab_id },
        {
          fullName: m.full_name,
          birthDate: m.birth_date,
          birthYear: m.birth_year,
          testType: tube.test_type,
          result: tube.result as 'positive' | 'negative',
          kit: tube.kit,
          collectedAt,
          labName: tube.lab_name ?? 'Phòng xét nghiệm',
        },
        tube.released_at,
      );
    }
    if (pooled && tube.result === 'positive') await openRetest(tx, m, barcode);
    if (!pooled && tube.result === 'positive')
      await reportPositive(tx, m, barcode, collectedAt, tube.released_at);
  }
}

/**
 * An individual result released for someone with a pending re-test closes the task and its worklist
 * item (the commune officer's "take an individual sample" follow-up is done once the result is out).
 */
export async function closeRetests(tx: Queryable, personId: string, barcode: string): Promise<void> {
  const closed = await tx.query<{ id: string }>(
    `update retest_tasks set status = 'done', closed_at = now(), closed_by_barcode = $2
     where person_id = $1 and status = 'pending' and pool_barcode <> $2
     returning id::text as id`,
    [personId, barcode],
  );
  await closeWorklistItems(tx, {
    kind: 'retest_pending',
    sourceType: 'retest_task',
    sourceIds: closed.map((r) => r.id),
    note: `Đã có kết quả mẫu đơn ${barcode} / Individual result ${barcode} released`,
    keepNote: true,
  });
}

export async function openRetest(tx: Queryable, m: MemberRow, poolBarcode: string): Promise<void> {
  const task = await tx.query<{ id: string }>(
    `insert into retest_tasks (person_id, pool_barcode) values ($1, $2)
     on conflict (person_id, pool_barcode) do nothing returning id`,
    [m.person_id, poolBarcode],
  );
  if (!task[0] || !m.commune_code) return;
  await addWorklistItem(tx, {
    kind: 'retest_pending',
    personId: m.person_id,
    communeCode: m.commune_code,
    title: {
      vi: 'Mẫu gộp dương tính: lấy mẫu đơn xét nghiệm lại',
      en: 'Positive pool: take an individual re-test sample',
    },
    sourceType: 'retest_task',
    sourceId: task[0].id,
    priority: 'high',
    data: { poolBarcode },
  });
}

export async function reportPositive(
  tx: Queryable,
  m: MemberRow,
  barcode: string,
  collectedAt: Date,
  releasedAt: Date,
): Promise<void> {
  await emitEvent(tx, 'test.positive', {
    personId: m.person_id,
    barcode,
    collectedAt: collectedAt.toISOString(),
    releasedAt: releasedAt.toISOString(),
  });
  if (!m.commune_code) return;
  await addWorklistItem(tx, {
    kind: 'test_positive',
    personId: m.person_id,
    communeCode: m.commune_code,
    title: { vi: 'Ca xét nghiệm dương tính cần xử lý', en: 'Positive test result to follow up' },
    sourceType: 'lab_result',
    sourceId: `${barcode}:${m.person_id}`,
    priority: 'high',
    data: { barcode },
  });
}
