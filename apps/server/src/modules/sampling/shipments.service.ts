import type { Db, Queryable } from '../../core/db/db';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import { authorize, can } from '../../core/auth/policy';
import { AppError, valueDetail } from '../../core/errors';
import { emitEvent } from '../../core/events/emit';
import { normalizeBarcode } from './sampling.barcode';
import { locOf, type TubeRow } from './sampling.types';
import { findLab } from './sessions.repository';
import {
  findShipment,
  insertShipment,
  listLabs,
  listShipments,
  shipmentTubes,
  type ShipmentRow,
} from './shipments.repository';

const same = (values: (string | null)[]) =>
  values.every((v) => v === values[0]) ? (values[0] ?? null) : null;
const uniq = (xs: string[]) => [...new Set(xs)];
const staffOf = (ctx: AuditContext) =>
  ctx.actor.kind === 'staff' || ctx.actor.kind === 'machine' ? ctx.actor : null;

async function manifest(q: Queryable, s: ShipmentRow) {
  const lab = await findLab(q, s.lab_id);
  const tubes = await shipmentTubes(q, s.id);
  return {
    id: s.id,
    lab: { id: s.lab_id, code: lab?.code ?? '', name: lab?.name ?? '' },
    sender: s.sender,
    carrier: s.carrier,
    sentAt: new Date(s.sent_at).toISOString(),
    receivedAt: s.received_at ? new Date(s.received_at).toISOString() : null,
    status: s.status,
    tubeCount: s.tube_count,
    people: tubes.filter((t) => t.status !== 'extra').reduce((n, t) => n + t.members, 0),
    missingCount: s.missing_count,
    extraCount: s.extra_count,
    tubes: tubes.map((t) => ({
      barcode: t.barcode,
      status: t.status as 'sent' | 'received' | 'missing' | 'extra',
      members: t.members,
      sampleType: t.sample_type,
      collectedAt: t.collected_at ? new Date(t.collected_at).toISOString() : null,
    })),
  };
}

/** The lab's own staff (facility = lab id) receive; officers and samplers of the sender's area read. */
function canReadShipment(ctx: AuditContext, s: ShipmentRow): boolean {
  const staff = staffOf(ctx);
  if (staff && can(ctx.actor, 'testing.receive')) return staff.facilityId === s.lab_id;
  authorize(ctx.actor, 'testing.ship', locOf(s));
  return true;
}

export function shipmentsService(db: Db) {
  return {
    labs: async (ctx: AuditContext) => {
      if (!can(ctx.actor, 'testing.receive')) authorize(ctx.actor, 'testing.ship');
      return {
        items: (await listLabs(db)).map((l) => ({
          id: l.id,
          code: l.code,
          name: l.name,
          provinceCode: l.province_code,
        })),
      };
    },

    /** A manifest of sealed tubes not shipped yet; each tube moves used → in_transit. */
    /** With an Idempotency-Key a retry answers the manifest already made (its tubes are in transit). */
    async create(
      ctx: AuditContext,
      input: { labId: string; barcodes: string[]; carrier: string; sentAt: string },
      idempotencyKey?: string,
    ) {
      authorize(ctx.actor, 'testing.ship');
      if (!(await findLab(db, input.labId))) throw new AppError('LAB_NOT_FOUND');
      const bad = input.barcodes.filter((b) => !normalizeBarcode(b));
      if (bad.length)
        throw new AppError(
          'TUBE_UNKNOWN',
          bad.map((b) => valueDetail('barcodes', b, 'Mã ống không hợp lệ.', 'Invalid tube barcode.')),
        );
      const barcodes = uniq(input.barcodes.map((b) => normalizeBarcode(b)!));
      const scope = idempotencyScope('POST /api/testing/shipments', ctx.actor);
      const made = await runIdempotent(
        db,
        { scope, key: idempotencyKey, body: input, status: 201 },
        async (tx) => {
          const tubes = await tx.query<TubeRow>(
            'select * from tubes where barcode = any($1::text[]) order by barcode for update',
            [barcodes],
          );
          const unknown = barcodes.filter((b) => !tubes.some((t) => t.barcode === b));
          if (unknown.length)
            throw new AppError(
              'TUBE_UNKNOWN',
              unknown.map((b) =>
                valueDetail('barcodes', b, 'Mã ống không có trong hệ thống.', 'Unknown tube.'),
              ),
            );
          const unready = tubes.filter((t) => t.status !== 'used' || !t.sealed_at);
          if (unready.length) {
            throw new AppError(
              'TUBE_NOT_SEALED',
              unready.map((t) =>
                valueDetail(
                  'barcodes',
                  t.barcode,
                  t.status === 'used' ? 'Ống chưa đóng.' : 'Ống đã gửi hoặc chưa dùng.',
                  t.status === 'used' ? 'Tube not sealed.' : 'Tube already shipped or unused.',
                ),
              ),
            );
          }
          for (const t of tubes) authorize(ctx.actor, 'testing.ship', locOf(t));
          const sid = await insertShipment(tx, {
            labId: input.labId,
            sender: staffOf(ctx)?.displayName ?? '',
            accountId: staffOf(ctx)?.accountId ?? '',
            carrier: input.carrier.trim(),
            sentAt: input.sentAt,
            count: barcodes.length,
            loc: {
              communeCode: same(tubes.map((t) => t.commune_code)),
              districtCode: same(tubes.map((t) => t.district_code)),
              provinceCode: same(tubes.map((t) => t.province_code)),
            },
          });
          await tx.query(`insert into shipment_tubes (shipment_id, barcode) select $1, unnest($2::text[])`, [
            sid,
            barcodes,
          ]);
          await tx.query(
            `update tubes set status = 'in_transit', lab_id = $2, updated_at = now() where barcode = any($1::text[])`,
            [barcodes, input.labId],
          );
          await recordAudit(tx, ctx, {
            action: 'testing.shipment.create',
            details: { shipmentId: sid, labId: input.labId, barcodes },
          });
          return manifest(tx, (await findShipment(tx, sid))!);
        },
      );
      return made.body;
    },

    async get(ctx: AuditContext, id: string) {
      authorize(ctx.actor, can(ctx.actor, 'testing.receive') ? 'testing.receive' : 'testing.ship');
      const s = await findShipment(db, id);
      if (!s || !canReadShipment(ctx, s)) throw new AppError('SHIPMENT_NOT_FOUND');
      return manifest(db, s);
    },

    async list(ctx: AuditContext) {
      const staff = staffOf(ctx);
      if (staff && can(ctx.actor, 'testing.receive')) {
        const rows = await listShipments(db, { sql: 's.lab_id::text = $1', params: [staff.facilityId] });
        return { items: await Promise.all(rows.map((r) => manifest(db, r))) };
      }
      authorize(ctx.actor, 'testing.ship');
      const j = jurisdictionSql(ctx.actor, 's', 1);
      const rows = await listShipments(db, { sql: j.sql, params: j.params });
      return { items: await Promise.all(rows.map((r) => manifest(db, r))) };
    },

    /** The lab scans what arrived: listed and scanned → received; listed only → missing; scanned only → extra. */
    async receive(ctx: AuditContext, id: string, scanned: string[]) {
      authorize(ctx.actor, 'testing.receive');
      const result = await db.transaction(async (tx) => {
        const s = await findShipment(tx, id, true);
        if (!s || staffOf(ctx)?.facilityId !== s.lab_id) throw new AppError('SHIPMENT_NOT_FOUND');
        if (s.status === 'received') throw new AppError('SHIPMENT_ALREADY_RECEIVED');
        const listed = (await shipmentTubes(tx, id)).map((t) => t.barcode);
        const codes = uniq(scanned.map((b) => normalizeBarcode(b) ?? b.trim().toUpperCase()).filter(Boolean));
        const received = listed.filter((b) => codes.includes(b));
        const missing = listed.filter((b) => !codes.includes(b));
        const extra = codes.filter((b) => !listed.includes(b));
        await tx.query(
          `update shipment_tubes set status = case when barcode = any($2::text[]) then 'received' else 'missing' end,
             received_at = case when barcode = any($2::text[]) then now() end where shipment_id = $1`,
          [id, received],
        );
        if (extra.length)
          await tx.query(
            `insert into shipment_tubes (shipment_id, barcode, status, received_at) select $1, unnest($2::text[]), 'extra', now()`,
            [id, extra],
          );
        await tx.query(
          `update tubes set status = 'received', updated_at = now() where barcode = any($1::text[])`,
          [received],
        );
        await tx.query(
          `update shipments set status = 'received', received_at = now(), received_by_account_id = $2,
             missing_count = $3, extra_count = $4 where id = $1`,
          [id, staffOf(ctx)!.accountId, missing.length, extra.length],
        );
        await emitEvent(tx, 'shipment.received', {
          shipmentId: id,
          labId: s.lab_id,
          received,
          missing,
          extra,
        });
        await recordAudit(tx, ctx, {
          action: 'testing.shipment.receive',
          details: { shipmentId: id, received, missing, extra },
        });
        return { received, missing, extra };
      });
      return { shipmentId: id, ...result, manifest: await manifest(db, (await findShipment(db, id))!) };
    },
  };
}
