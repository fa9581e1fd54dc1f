import QRCode from 'qrcode';
import { normalizeVnMobile, signQrToken, venueCheckinUrl } from '@phongdich/domain';
import { loadConfig } from '../../core/config';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { AppError, assertNoFieldErrors, fieldError } from '../../core/errors';
import { signingKey } from '../keys';
import { displayPlate } from './plate';
import { VENUE_KINDS } from './venue-kinds';
import { managedVenue, venueForActor } from './venues.access';
import { type PosterPage, renderPosters } from './venues.poster';
import { findVenue } from './venues.repository';
import { addStaff, removeStaff, staffOf } from './venues.staff.repository';
import type { VenueRow } from './venues.types';
import { toVenues } from './venues.view';

const MAX_POSTERS = 500;

/** Only points in service get a QR: a pending one waits for approval, a suspended one is revoked. */
function assertActive(v: VenueRow): void {
  if (v.status !== 'active') throw new AppError('VENUE_NOT_ACTIVE');
}

/** The staff phone list, QR codes and posters: the point's owner and staff (officers may print too). */
export function venuesManageService(db: Db, publicUrl = loadConfig().publicUrl) {
  async function token(venueId: string): Promise<string> {
    return signQrToken({ type: 'V', id: venueId, issuedAt: new Date() }, await signingKey(db, 'qr'));
  }
  // What the QR holds: a link any phone camera opens (the check-in page), with the signed token in
  // its fragment for the platform's own scanners. Posters printed before hold the bare token and
  // are still read everywhere.
  const link = (t: string) => venueCheckinUrl(publicUrl, t);

  async function posterPages(q: Queryable, rows: VenueRow[]): Promise<PosterPage[]> {
    const views = await toVenues(q, rows);
    return Promise.all(
      rows.map(async (r, i) => ({
        content: link(await token(r.id)),
        name: r.name,
        kindLabel: VENUE_KINDS[r.kind].vi,
        plate: r.plate_number ? displayPlate(r.plate_number) : null,
        street: r.street,
        areaName: views[i]!.areaName,
        venueId: r.id,
      })),
    );
  }

  return {
    async qr(ctx: AuditContext, id: string): Promise<{ token: string; url: string; svg: string }> {
      const { venue } = await venueForActor(db, ctx.actor, id);
      assertActive(venue);
      const t = await token(venue.id);
      const url = link(t);
      return {
        token: t,
        url,
        svg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      };
    },

    async posters(ctx: AuditContext, ids: string[]): Promise<Buffer> {
      const unique = [...new Set(ids)];
      if (!unique.length || unique.length > MAX_POSTERS) throw new AppError('VALIDATION_FAILED');
      const rows: VenueRow[] = [];
      for (const id of unique) {
        const { venue } = await venueForActor(db, ctx.actor, id);
        if (venue.status === 'active') rows.push(venue);
      }
      if (!rows.length) throw new AppError('VENUE_NOT_ACTIVE');
      return renderPosters(await posterPages(db, rows));
    },

    async childPosters(ctx: AuditContext, parentId: string): Promise<Buffer> {
      await venueForActor(db, ctx.actor, parentId);
      const children = await db.query<{ id: string }>(
        `select id from venues where parent_id = $1 and status = 'active' order by name_folded, id limit ${MAX_POSTERS}`,
        [parentId],
      );
      const rows = (await Promise.all(children.map((c) => findVenue(db, c.id)))).filter(
        (r): r is VenueRow => !!r,
      );
      if (!rows.length) throw new AppError('VENUE_NOT_ACTIVE');
      return renderPosters(await posterPages(db, rows));
    },

    async staff(ctx: AuditContext, id: string) {
      await venueForActor(db, ctx.actor, id);
      return { items: await staffOf(db, id) };
    },

    async addStaff(ctx: AuditContext, id: string, phone: string) {
      const normalized = normalizeVnMobile(phone);
      if (!normalized) {
        assertNoFieldErrors([
          fieldError(
            'phone',
            'PHONE_FORMAT',
            'Số điện thoại di động không hợp lệ.',
            'Invalid mobile number.',
          ),
        ]);
      }
      return db.transaction(async (tx) => {
        await managedVenue(tx, ctx.actor, id);
        await addStaff(tx, id, [normalized!], 'staff');
        await recordAudit(tx, ctx, { action: 'venue.manage', details: { venueId: id, staff: 'added' } });
        return { items: await staffOf(tx, id) };
      });
    },

    async removeStaff(ctx: AuditContext, id: string, phone: string) {
      const normalized = normalizeVnMobile(phone) ?? phone;
      return db.transaction(async (tx) => {
        await managedVenue(tx, ctx.actor, id);
        if (!(await removeStaff(tx, id, normalized))) throw new AppError('NOT_FOUND');
        await recordAudit(tx, ctx, { action: 'venue.manage', details: { venueId: id, staff: 'removed' } });
        return { items: await staffOf(tx, id) };
      });
    },
  };
}
