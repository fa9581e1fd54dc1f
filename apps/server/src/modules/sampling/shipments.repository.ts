import type { UnitStructure } from '../../core/units/structure';
import type { Queryable } from '../../core/db/db';
import type { ShipmentTubeStatus } from '@phongdich/contracts/sampling';

export interface ShipmentRow {
  id: string;
  lab_id: string;
  sender: string;
  carrier: string;
  sent_at: Date;
  received_at: Date | null;
  status: 'in_transit' | 'received';
  tube_count: number;
  missing_count: number;
  extra_count: number;
  commune_code: string | null;
  district_code: string | null;
  province_code: string | null;
  unit_structure: UnitStructure;
}

export async function findShipment(q: Queryable, id: string, forUpdate = false) {
  const rows = await q.query<ShipmentRow>(
    `select * from shipments where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

export async function shipmentTubes(q: Queryable, id: string) {
  return q.query<{
    barcode: string;
    status: ShipmentTubeStatus;
    received_at: Date | null;
    members: number;
    sample_type: string | null;
    collected_at: Date | null;
    session_id: string | null;
  }>(
    `select st.barcode, st.status, st.received_at, t.sample_type, t.collected_at, t.session_id,
       (select count(*) from tube_members m where m.barcode = st.barcode) as members
     from shipment_tubes st left join tubes t on t.barcode = st.barcode
     where st.shipment_id = $1 order by st.status, st.barcode`,
    [id],
  );
}

export async function insertShipment(
  q: Queryable,
  s: {
    labId: string;
    sender: string;
    accountId: string;
    carrier: string;
    sentAt: string;
    count: number;
    loc: { communeCode: string | null; districtCode: string | null; provinceCode: string | null };
  },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into shipments (lab_id, sender, sender_account_id, carrier, sent_at, tube_count, commune_code, district_code, province_code)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      s.labId,
      s.sender,
      s.accountId,
      s.carrier,
      s.sentAt,
      s.count,
      s.loc.communeCode,
      s.loc.districtCode,
      s.loc.provinceCode,
    ],
  );
  return rows[0]!.id;
}

export async function listShipments(
  q: Queryable,
  where: { sql: string; params: (string | null)[] },
  limit = 100,
) {
  return q.query<ShipmentRow>(
    `select * from shipments s where ${where.sql} order by s.sent_at desc limit ${limit}`,
    where.params,
  );
}

export async function listLabs(q: Queryable) {
  return q.query<{ id: string; code: string; name: string; province_code: string; commune_code: string }>(
    // The lab's read view (0071): sampling may not import the lab, which imports sampling.
    'select id, code, name, province_code, commune_code from lab_brief where active order by province_code, name',
  );
}
