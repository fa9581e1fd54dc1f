// The one scanner: every code in use, resolved to a person, a venue or a certificate.
import { NOWHERE } from '../../core/auth/jurisdiction';
import {
  classifyScannedCode,
  maskName,
  verifyQrToken,
  type EcJwk,
  type QrVerifyFailure,
} from '@phongdich/domain';
import type { ScanBody, ScanMethod, ScanResult } from '@phongdich/contracts/scan';
import type { Db, Queryable } from '../../core/db/db';
import { type AuditContext, recordAudit } from '../../core/audit/audit';
import { authorize, canAt } from '../../core/auth/policy';
import { AppError, fieldError } from '../../core/errors';
import { publicKeys, isRevoked } from '../keys';
import { locationOfCommune } from '../geo';
import {
  findPerson,
  type PersonRow,
  locationOf,
  toSummary,
  validPersonFields,
  type PersonInput,
} from '../people';
import { findToken } from '../personal-qr';
import { personStatus } from '../status';
import { actsForVenue, findVenue } from '../venues';
import { UNKNOWN_CODE_HINTS, QR_FAILURES } from './scan.messages';
import { pendingForCard } from './scan.pending.repository';
import { bhytPersonInput, cccdPersonInput, createFromScan, matchBhyt, matchCccd } from './scan.identity';

export type { ScanMethod };
type PersonAnswer = Extract<ScanResult, { kind: 'person' }>;

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/**
 * Venue staff sign in as citizens: they may scan only for a venue they own or staff. Returns whether
 * the actor acts for the chosen venue (then a visitor may be registered in the venue's commune).
 */
async function authorizeScanner(db: Db, ctx: AuditContext, venueId?: string): Promise<boolean> {
  const a = ctx.actor;
  const manages = async () => {
    const venue = venueId && isUuid(venueId) ? await findVenue(db, venueId) : undefined;
    if (!venue || !(await actsForVenue(db, a, venue))) return false;
    // A point its commune has not approved (or has suspended) scans no one.
    if (venue.status !== 'active') throw new AppError('VENUE_NOT_ACTIVE');
    return true;
  };
  if (a.kind === 'citizen') {
    if (await manages()) return true;
    throw new AppError('FORBIDDEN', undefined, 'citizen scanning without a venue they staff');
  }
  authorize(a, 'scan.resolve');
  if (a.kind === 'anonymous' || a.role !== 'venue_manager') return false;
  // Venue staff reach people only through scans at their own point (issue #8 items 2 and 4): no
  // look-up without a venue, which would find or register anyone whose card they hold.
  if (venueId && (await manages())) return true;
  throw new AppError('FORBIDDEN', undefined, 'not a venue of this account');
}

const KEYS_TTL_MS = 60_000;
type KeyFor = (kid: string) => Promise<EcJwk | undefined>;

/**
 * The published QR keys, read once a minute and at once for a kid not in the list (a key rotated on
 * another server). The same key objects are kept, so the domain's import cache imports each key once:
 * a scan costs neither a key query nor a key import (issue #11: the staff check-in's hot path).
 */
function qrKeyCache(db: Db): KeyFor {
  let cache: { at: number; keys: Map<string, EcJwk> } | null = null;
  const load = async () => {
    const list = await publicKeys(db, 'qr');
    cache = { at: Date.now(), keys: new Map(list.map((k) => [k.kid, k.publicKeyJwk as EcJwk])) };
    return cache.keys;
  };
  return async (kid) => {
    const keys = cache && Date.now() - cache.at < KEYS_TTL_MS ? cache.keys : await load();
    return keys.get(kid) ?? (await load()).get(kid);
  };
}

async function verifyToken(db: Db, keys: KeyFor, raw: string) {
  const result = await verifyQrToken(raw, {
    keys,
    now: new Date(),
    isRevoked: (type, id) => isRevoked(db, type, id),
  });
  if (!result.ok) throw qrInvalid(result.reason);
  return result;
}

function qrInvalid(reason: QrVerifyFailure | 'UNKNOWN_ID'): AppError {
  const m = QR_FAILURES[reason];
  return new AppError('QR_INVALID', [fieldError('code', reason, m.vi, m.en)]);
}

/** Where to register someone whose card has no commune we can map: the venue's, else the officer's. */
async function scanningCommune(db: Db, ctx: AuditContext, venueId?: string): Promise<string> {
  const venue = venueId && isUuid(venueId) ? await findVenue(db, venueId) : undefined;
  if (venue) return venue.commune_code;
  const a = ctx.actor;
  if (a.kind === 'staff' && a.unitCode?.length === 5) return a.unitCode;
  throw new AppError('VALIDATION_FAILED', [
    fieldError(
      'venueId',
      'COMMUNE_UNKNOWN',
      'Chọn điểm kiểm soát để đăng ký người mới theo xã của điểm.',
      'Choose a venue so a new person can be registered in its commune.',
    ),
  ]);
}

export function scanService(db: Db) {
  const keys = qrKeyCache(db);

  /** The person an app or printed code names: authentic, current, its stored token not revoked. */
  async function personOfToken(token: { type: 'P' | 'C'; id: string }): Promise<PersonRow> {
    const row = await findToken(db, token.id);
    const person =
      row && row.type === token.type && !row.revoked_at ? await findPerson(db, row.person_id) : undefined;
    if (!person) throw qrInvalid(row?.revoked_at ? 'REVOKED' : 'UNKNOWN_ID');
    return person;
  }

  async function personAnswer(
    ctx: AuditContext,
    row: PersonRow,
    created: boolean,
    method: ScanMethod,
    extra: Pick<PersonAnswer, 'communeAssumed'> = {},
  ): Promise<PersonAnswer> {
    const masked = !canAt(ctx.actor, 'person.read', locationOf(row));
    const status = await personStatus(db, row.id);
    // Health reasons (a positive test, an exposure) are health data: only the colour leaves the
    // jurisdiction, as the name does not.
    const reasons = masked ? [] : status.reasons.map((r) => ({ vi: r.vi, en: r.en }));
    await recordAudit(db, ctx, {
      action: 'scan.resolve',
      personId: row.id,
      details: { method, created },
    });
    return {
      kind: 'person',
      person: toSummary(row, masked),
      colour: status.colour,
      reasons,
      created,
      method,
      ...extra,
    };
  }

  /**
   * A card a venue scanned that matches no one: the visit goes to a pending identity holding the
   * card's data, for a commune officer of the venue's area to confirm or merge. A shop never adds a
   * person to the national registry by itself.
   */
  async function pendingAnswer(
    ctx: AuditContext,
    venueId: string,
    method: 'cccd' | 'bhyt',
    build: (commune: string) => PersonInput | null,
  ): Promise<PersonAnswer | null> {
    const venue = (await findVenue(db, venueId))!;
    const card = build(venue.commune_code);
    if (!card) return null;
    await validPersonFields(db, card);
    const by = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
    const { row, created } = await db.transaction(async (tx) => {
      const made = await pendingForCard(tx, { method, card, venue, by });
      await recordAudit(tx, ctx, {
        action: 'pendingIdentity.scan',
        details: { pendingIdentityId: made.row.id, venueId, method, created: made.created },
      });
      return made;
    });
    return {
      kind: 'person',
      person: {
        id: row.id,
        fullName: maskName(row.full_name),
        birthYear: row.birth_year ?? 0,
        sex: card.sex ?? 'other',
        communeCode: venue.commune_code,
        communeName: null,
        masked: true,
        idHint: null,
      },
      colour: 'green',
      reasons: [],
      created: false,
      pending: true,
      pendingCreated: created,
      method,
    };
  }

  async function createOrFind(
    ctx: AuditContext,
    actsForVenue: boolean,
    q: Queryable,
    venueId: string | undefined,
    build: (commune: string) => Parameters<typeof createFromScan>[2] | null,
    method: ScanMethod,
    rematch: () => Promise<PersonRow | undefined>,
  ) {
    const commune = await scanningCommune(db, ctx, venueId);
    const input = build(commune);
    if (!input) return null;
    // Registering a visitor: venue staff in their venue's commune; others by the registry's rule.
    if (!actsForVenue)
      authorize(
        ctx.actor,
        'person.create',
        // An unknown commune lies nowhere: only a national account may register there.
        (await locationOfCommune(q, commune)) ?? NOWHERE,
      );
    return db.transaction((tx) => createFromScan(tx, ctx, input, method, rematch));
  }

  const service = {
    async resolve(ctx: AuditContext, input: ScanBody): Promise<ScanResult> {
      const actsForVenue = await authorizeScanner(db, ctx, input.venueId);
      const code = classifyScannedCode(input.code);
      switch (code.kind) {
        case 'phongdich': {
          const token = await verifyToken(db, keys, code.raw);
          if (token.type === 'V') {
            const venue = isUuid(token.id) ? await findVenue(db, token.id) : undefined;
            if (!venue) throw qrInvalid('UNKNOWN_ID');
            return { kind: 'venue', venueId: venue.id, name: venue.name, status: venue.status };
          }
          const person = await personOfToken({ type: token.type, id: token.id });
          return personAnswer(ctx, person, false, token.type === 'P' ? 'personal_qr' : 'printed_qr');
        }
        case 'cccd_chip': {
          const found = await matchCccd(db, code);
          if (found) return personAnswer(ctx, found, false, 'cccd');
          if (actsForVenue)
            return (await pendingAnswer(ctx, input.venueId!, 'cccd', (c) => cccdPersonInput(code, c)))!;
          const made = await createOrFind(
            ctx,
            actsForVenue,
            db,
            input.venueId,
            (c) => cccdPersonInput(code, c),
            'cccd',
            () => matchCccd(db, code),
          );
          return personAnswer(ctx, made!.row, made!.created, 'cccd', { communeAssumed: made!.created });
        }
        case 'bhyt': {
          const found = await matchBhyt(db, code.number);
          if (found) return personAnswer(ctx, found, false, 'bhyt');
          const pending = actsForVenue
            ? await pendingAnswer(ctx, input.venueId!, 'bhyt', (c) => bhytPersonInput(code, c))
            : undefined;
          if (pending) return pending;
          const made = await createOrFind(
            ctx,
            actsForVenue,
            db,
            input.venueId,
            (c) => bhytPersonInput(code, c),
            'bhyt',
            () => matchBhyt(db, code.number),
          );
          if (!made)
            throw new AppError('PERSON_NOT_FOUND', [
              fieldError(
                'code',
                'BHYT_NOT_REGISTERED',
                UNKNOWN_CODE_HINTS.bhytSearch.vi,
                UNKNOWN_CODE_HINTS.bhytSearch.en,
              ),
            ]);
          return personAnswer(ctx, made.row, made.created, 'bhyt', { communeAssumed: made.created });
        }
        case 'dcc':
          return { kind: 'certificate', raw: code.raw };
        case 'legacy_venue': {
          const m = UNKNOWN_CODE_HINTS.legacy;
          throw new AppError('UNKNOWN_CODE', [fieldError('code', 'LEGACY_APP_CODE', m.vi, m.en)]);
        }
        default: {
          const m = UNKNOWN_CODE_HINTS[code.reason === 'INVALID_CCCD_QR' ? 'cccd' : 'generic'];
          throw new AppError('UNKNOWN_CODE', [fieldError('code', code.reason, m.vi, m.en)]);
        }
      }
    },

    /**
     * The person (or pending identity) behind a code scanned at a venue, by the scanner's own rules:
     * a staff check-in names the code it scanned, never a person id, so an account reaches only the
     * people whose card or QR was in front of it.
     */
    async personForCode(
      ctx: AuditContext,
      input: { code: string; venueId: string },
    ): Promise<{ personId: string; method: ScanMethod }> {
      const notPerson = () => {
        const m = UNKNOWN_CODE_HINTS.notPerson;
        return new AppError('UNKNOWN_CODE', [fieldError('code', 'NOT_A_PERSONAL_CODE', m.vi, m.en)]);
      };
      const code = classifyScannedCode(input.code);
      if (code.kind === 'phongdich') {
        // An app or printed code: the same checks as resolve, without the answer's status and audit
        // entry. The caller records a check-in, whose audit entry names this person, and shows the
        // scanner no person data; a second entry per scan was one more flushed commit per request.
        await authorizeScanner(db, ctx, input.venueId);
        const token = await verifyToken(db, keys, code.raw);
        if (token.type === 'V') throw notPerson();
        const person = await personOfToken({ type: token.type, id: token.id });
        return { personId: person.id, method: token.type === 'P' ? 'personal_qr' : 'printed_qr' };
      }
      const answer = await service.resolve(ctx, input);
      if (answer.kind !== 'person') throw notPerson();
      return { personId: answer.person.id, method: answer.method };
    },
  };
  return service;
}
