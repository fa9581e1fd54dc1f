import type { FieldError } from '@phongdich/contracts';
import { foldVietnamese } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize, canAt } from '../../core/auth/policy';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import { AppError, assertNoFieldErrors } from '../../core/errors';
import { runIdempotent, idempotencyScope } from '../../core/http/idempotency';
import { checkKindNamePlate, checkVenueInput } from './venues.input';
import { venueForActor, managedVenue } from './venues.access';
import { autoApproves, insertVenue, listVenues, venuesManagedBy, type NewVenue } from './venues.repository';
import { addStaff } from './venues.staff.repository';
import { accountPhone } from '../accounts';
import { VEHICLE_KINDS } from './venue-kinds';
import type { ChildInput, Venue, VenueInput, VenueStatus } from './venues.types';
import { locationOfVenue, toVenue, toVenues } from './venues.view';

export interface ListQuery {
  status?: VenueStatus;
  kind?: string;
  q?: string;
  communeCode?: string;
  parentId?: string;
  unreviewed?: boolean;
  limit?: number;
  offset?: number;
}

const MAX_CHILDREN = 500;

export function venuesService(db: Db) {
  return {
    /**
     * Self-service registration. The point is active at once unless the commune's (or district's,
     * province's) policy asks for approval; either way it waits in the officers' review list.
     */
    async register(ctx: AuditContext, input: VenueInput, key: string | undefined) {
      const { actor } = ctx;
      authorize(actor, 'venue.register');
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      const own = await accountPhone(db, actor.accountId);
      const v = await checkVenueInput(db, input, own);
      return runIdempotent(
        db,
        { scope: idempotencyScope('POST /api/venues', actor), key, body: input, status: 201 },
        async (tx): Promise<Venue> => {
          const loc = v.location;
          // An officer registering in their own area is the reviewer; anyone else waits for the
          // commune, unless the unit has explicitly chosen to approve points at once.
          const byReviewer = canAt(actor, 'venue.review', loc);
          const auto = byReviewer || (await autoApproves(tx, loc));
          const row = await insertVenue(tx, {
            kind: v.kind,
            name: v.name,
            name_folded: v.nameFolded,
            commune_code: loc.communeCode!,
            district_code: loc.districtCode,
            province_code: loc.provinceCode!,
            street: v.street,
            plate_number: v.plate,
            owner_phone: v.ownerPhone,
            owner_account_id: actor.accountId,
            status: auto ? 'active' : 'pending',
            requires_declaration_hours: input.requiresDeclarationHours ?? null,
            parent_id: null,
            unit_structure: loc.structure ?? null,
          });
          await addStaff(tx, row.id, [v.ownerPhone], 'owner');
          await addStaff(tx, row.id, v.staffPhones, 'staff');
          await recordAudit(tx, ctx, {
            action: 'venue.register',
            details: { venueId: row.id, kind: row.kind, status: row.status, staff: v.staffPhones.length },
          });
          return toVenue(tx, row);
        },
      );
    },

    /** A market's stalls, a company's buses: same address and owner as the parent, one request. */
    async addChildren(ctx: AuditContext, parentId: string, items: ChildInput[], key: string | undefined) {
      const { actor } = ctx;
      const errors: FieldError[] = [];
      if (items.length < 1 || items.length > MAX_CHILDREN) throw new AppError('VALIDATION_FAILED');
      const parent = await managedVenue(db, actor, parentId);
      if (parent.parent_id) throw new AppError('VENUE_STATUS_CONFLICT', undefined, 'children of a child');
      if (parent.status === 'suspended') throw new AppError('VENUE_NOT_ACTIVE');
      const checked = items.map((it, i) => {
        const defaultKind = it.plate
          ? VEHICLE_KINDS.includes(parent.kind)
            ? parent.kind
            : 'bus_coach'
          : parent.kind === 'market'
            ? 'shop'
            : parent.kind;
        return checkKindNamePlate({ ...it, kind: it.kind ?? defaultKind }, errors, `items[${i}].`);
      });
      assertNoFieldErrors(errors);
      const scope = idempotencyScope(`POST /api/venues/${parentId}/children`, actor);
      return runIdempotent(db, { scope, key, body: items, status: 201 }, async (tx) => {
        const rows = [];
        for (const c of checked) {
          const child: NewVenue = {
            kind: c!.kind,
            name: c!.name,
            name_folded: c!.nameFolded,
            commune_code: parent.commune_code,
            district_code: parent.district_code,
            province_code: parent.province_code,
            street: parent.street,
            plate_number: c!.plate,
            owner_phone: parent.owner_phone,
            owner_account_id: parent.owner_account_id,
            status: parent.status,
            requires_declaration_hours: parent.requires_declaration_hours,
            parent_id: parent.id,
            unit_structure: parent.unit_structure,
          };
          rows.push(await insertVenue(tx, child));
        }
        await recordAudit(tx, ctx, {
          action: 'venue.register',
          details: { parentId, children: rows.map((r) => r.id) },
        });
        return { items: await toVenues(tx, rows) };
      });
    },

    /** One point, with what the caller may do with it (so the web shows the right buttons). */
    async get(
      ctx: AuditContext,
      id: string,
    ): Promise<Venue & { access: { manage: boolean; review: boolean } }> {
      const { venue, asManager } = await venueForActor(db, ctx.actor, id);
      const review = canAt(ctx.actor, 'venue.review', locationOfVenue(venue));
      return { ...(await toVenue(db, venue)), access: { manage: asManager, review } };
    },

    /** The stalls or vehicles of a point, for whoever may see the point. */
    async children(ctx: AuditContext, id: string): Promise<{ items: Venue[] }> {
      await venueForActor(db, ctx.actor, id);
      const { rows } = await listVenues(db, {
        jurisdiction: { sql: 'true', params: [] },
        parentId: id,
        limit: MAX_CHILDREN,
        offset: 0,
      });
      return { items: await toVenues(db, rows) };
    },

    async mine(ctx: AuditContext): Promise<{ items: Venue[] }> {
      const { actor } = ctx;
      authorize(actor, 'venue.manage');
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      return { items: await toVenues(db, await venuesManagedBy(db, actor.accountId)) };
    },

    /** Officers: the points of their area. */
    async list(ctx: AuditContext, query: ListQuery) {
      const { actor } = ctx;
      authorize(actor, 'venue.read');
      const limit = Math.min(query.limit ?? 50, 200);
      const { rows, total } = await listVenues(db, {
        jurisdiction: jurisdictionSql(actor, 'v', 1),
        status: query.status,
        kind: query.kind,
        nameFolded: query.q ? foldVietnamese(query.q) : undefined,
        communeCode: query.communeCode,
        parentId: query.parentId,
        unreviewed: query.unreviewed,
        limit,
        offset: query.offset ?? 0,
      });
      return { items: await toVenues(db, rows), total };
    },
  };
}
