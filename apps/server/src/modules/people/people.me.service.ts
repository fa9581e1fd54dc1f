import type { Db, Queryable } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { AppError, fieldError } from '../../core/errors';
import { fullPerson, isUniqueViolation, loadPerson, validPersonFields } from './people.common';
import type { PersonInput } from './people.input';
import {
  addFamilyLink,
  addHistory,
  familyOf,
  findByIdNumbers,
  pendingIdentityClaim,
} from './people.repository';
import { citizenAccount, linkAccountToPerson, personIdByPhone } from './people.search.repository';
import type { Person } from './people.types';
import type { PersonPatch } from './people.write.service';
import { createPersonIn, translateDuplicate, updatePersonWith } from './people.write.service';

type CitizenActor = Extract<Actor, { kind: 'citizen' }>;

function asCitizen(actor: Actor): CitizenActor {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN', undefined, 'citizen-only route');
  return actor;
}

async function accountOf(q: Queryable, actor: CitizenActor) {
  const account = await citizenAccount(q, actor.accountId);
  if (!account?.phone) throw new AppError('UNAUTHENTICATED', undefined, 'citizen account without phone');
  return { phone: account.phone, personId: account.person_id };
}

/**
 * The citizen's own person: the one linked to the account, else the oldest live record carrying the
 * phone they signed in with, which is then linked (the phone was proven by the one-time code).
 */
async function ownPersonId(tx: Queryable, actor: CitizenActor): Promise<string | null> {
  const account = await accountOf(tx, actor);
  if (account.personId) return account.personId;
  const found = await personIdByPhone(tx, account.phone);
  if (found) await linkAccountToPerson(tx, actor.accountId, found);
  return found ?? null;
}

const CLAIM_FIELDS = ['cccd', 'cmnd', 'passport', 'bhyt'] as const;

/**
 * A citizen cannot prove anyone else's identity number or phone, so a family declaration carries
 * neither, and the answer is decided before any lookup: the same whether the number exists or not.
 * A number typed here would otherwise either reveal that a record holds it (409) or let the caller link
 * and read a stranger's record; a phone would let the caller pre-register a stranger's number so that,
 * when its owner signs in, their account claims the caller's "family" record (`ownPersonId`).
 * Adults link themselves by signing in with their own phone; the commune officer who sees a dependant's
 * papers adds the numbers (PATCH /api/people/:id, with the registry's duplicate check and merge).
 */
function refuseIdentityClaims(input: PersonInput): void {
  const errors = CLAIM_FIELDS.filter((k) => Boolean(input[k]?.trim())).map((k) =>
    fieldError(
      k,
      'FAMILY_NO_ID_NUMBER',
      'Số giấy tờ của người thân do cán bộ y tế xã bổ sung khi xem giấy tờ.',
      "A relative's identity number is added by the commune health officer who sees the papers.",
    ),
  );
  if (input.phones?.some((p) => p.trim())) {
    errors.push(
      fieldError(
        'phones',
        'FAMILY_NO_PHONE',
        'Người thân có điện thoại riêng tự đăng nhập bằng số của mình.',
        'A relative with their own phone signs in with it.',
      ),
    );
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
}

/**
 * The citizen edits their own record but not its identity numbers: the commune officer who sees the
 * papers changes those (PATCH /api/people/:id, with the registry's duplicate check and merge), as for
 * family declarations (`refuseIdentityClaims`). Refused whenever sent, so the answer never depends on
 * what the number is.
 */
function refuseOwnIdentityChange(patch: PersonPatch): void {
  const errors = CLAIM_FIELDS.filter((k) => patch[k] !== undefined).map((k) =>
    fieldError(
      k,
      'OWN_ID_NUMBER_BY_OFFICER',
      'Số giấy tờ do cán bộ y tế xã sửa khi xem giấy tờ.',
      'Identity numbers are changed by the commune health officer who sees the papers.',
    ),
  );
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
}

/**
 * The citizen's own view shows the numbers they claimed while an officer has not checked them, so
 * what they see never depends on whether someone else holds the number.
 */
async function withClaim(q: Queryable, person: Person): Promise<Person> {
  const claimed = await pendingIdentityClaim(q, person.id);
  if (!claimed) return person;
  return {
    ...person,
    cccd: person.cccd ?? claimed.cccd ?? null,
    cmnd: person.cmnd ?? claimed.cmnd ?? null,
    bhyt: person.bhyt ?? claimed.bhyt ?? null,
    passport: person.passport ?? claimed.passport ?? null,
  };
}

/**
 * Two registrations with the same new number race: the loser's insert waits for the winner's commit
 * and fails on the unique index. Run again, it sees the committed holder and takes the claim path, so
 * the citizen's answer never depends on who won (a DUPLICATE_PERSON would say the number exists).
 */
async function retryOnUniqueViolation<T>(run: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      // Or the holder committed between our look-up and the insert's own duplicate check.
      const raced = isUniqueViolation(err) || (err instanceof AppError && err.code === 'DUPLICATE_PERSON');
      if (!raced || attempt >= tries) throw err;
    }
  }
}

export function peopleMeService(db: Db) {
  return {
    async get(ctx: AuditContext): Promise<{ person: Person | null; family: Person[] }> {
      const actor = asCitizen(ctx.actor);
      return db.transaction(async (tx) => {
        const id = await ownPersonId(tx, actor);
        if (!id) return { person: null, family: [] };
        const person = await withClaim(tx, await fullPerson(tx, await loadPerson(tx, id)));
        const family: Person[] = [];
        for (const link of await familyOf(tx, id))
          family.push(await fullPerson(tx, await loadPerson(tx, link.id)));
        for (const p of [person, ...family]) {
          await recordAudit(tx, ctx, {
            action: 'person.read',
            personId: p.id,
            details: { view: 'full', as: 'citizen' },
          });
        }
        return { person, family };
      });
    },

    /**
     * Creates the citizen's own record with the phone they signed in with, or claims the one that has
     * it. With an Idempotency-Key, a retry after a lost answer gets the same record (not ALREADY_LINKED).
     */
    async createOwn(ctx: AuditContext, input: PersonInput, idempotencyKey?: string): Promise<Person> {
      const actor = asCitizen(ctx.actor);
      const account = await accountOf(db, actor);
      const f = await validPersonFields(db, { ...input, phones: [account.phone, ...(input.phones ?? [])] });
      const opts = {
        scope: idempotencyScope('POST /api/me/person', actor),
        key: idempotencyKey,
        body: input,
        status: 201,
      };
      const res = await translateDuplicate(
        db,
        f,
        () =>
          retryOnUniqueViolation(() =>
            runIdempotent(db, opts, async (tx) => {
              // Checked in the transaction, after a stored answer to this key would have been replayed.
              if ((await accountOf(tx, actor)).personId) {
                throw new AppError('CONFLICT', [
                  fieldError(
                    'person',
                    'ALREADY_LINKED',
                    'Tài khoản đã có hồ sơ.',
                    'This account already has a record.',
                  ),
                ]);
              }
              const existing = await ownPersonId(tx, actor);
              if (existing) return withClaim(tx, await fullPerson(tx, await loadPerson(tx, existing)));
              // A number another record holds: the record is made without it and the claim waits for
              // the officer; the answer is the same as when the number is free (it reveals nothing).
              const taken = await findByIdNumbers(tx, f, null);
              const stored = taken ? { ...f, cccd: null, cmnd: null, bhyt: null, passport: null } : f;
              const person = await createPersonIn(tx, ctx, stored, {
                revealExistingId: false,
                details: { as: 'citizen' },
              });
              await linkAccountToPerson(tx, actor.accountId, person.id);
              if (!taken) return person;
              const claimed = Object.fromEntries(CLAIM_FIELDS.flatMap((k) => (f[k] ? [[k, f[k]]] : [])));
              await addHistory(tx, person.id, actor.accountId, 'identity_claim', {
                claimed,
                status: 'pending',
                why: 'held for verification',
              });
              return withClaim(tx, person);
            }),
          ),
        false,
      );
      return res.body;
    },

    /** The citizen's own record, edited with the version they read (stale → 409 CONFLICT). */
    async updateOwn(ctx: AuditContext, patch: PersonPatch): Promise<Person> {
      const actor = asCitizen(ctx.actor);
      refuseOwnIdentityChange(patch);
      const id = await db.transaction((tx) => ownPersonId(tx, actor));
      if (!id) throw new AppError('NOT_FOUND', undefined, 'citizen account without a record');
      return updatePersonWith(db, ctx, await loadPerson(db, id), patch, { as: 'citizen', own: true });
    },

    /**
     * A dependant (a child, an elderly parent without a phone) declared by the citizen: always a new
     * record, linked to theirs, holding only what the citizen typed. See `refuseIdentityClaims`.
     */
    async addFamily(ctx: AuditContext, input: PersonInput & { relation: string }, idempotencyKey?: string) {
      const actor = asCitizen(ctx.actor);
      const { relation, ...fields } = input;
      refuseIdentityClaims(fields);
      const f = await validPersonFields(db, fields);
      return translateDuplicate(
        db,
        f,
        () =>
          runIdempotent(
            db,
            {
              scope: idempotencyScope('POST /api/me/family', actor),
              key: idempotencyKey,
              body: input,
              status: 201,
            },
            async (tx) => {
              const own = await ownPersonId(tx, actor);
              if (!own) {
                throw new AppError('CONFLICT', [
                  fieldError(
                    'person',
                    'NO_OWN_RECORD',
                    'Hãy tạo hồ sơ của bạn trước.',
                    'Create your own record first.',
                  ),
                ]);
              }
              const member = await createPersonIn(tx, ctx, f, {
                revealExistingId: false,
                details: { as: 'citizen', familyOf: own, relation },
              });
              await addFamilyLink(tx, own, member.id, relation);
              await addHistory(tx, own, actor.accountId, 'family_link', { memberId: member.id, relation });
              return member;
            },
          ),
        false,
      );
    },
  };
}
