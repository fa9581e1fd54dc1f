import type { Db, Queryable } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { authorize } from '../../core/auth/policy';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { AppError } from '../../core/errors';
import {
  assertNoIdDuplicate,
  changedFields,
  duplicateError,
  fullPerson,
  isUniqueViolation,
  loadPerson,
  validPersonFields,
} from './people.common';
import type { PersonInput } from './people.input';
import { addHistory, findByIdNumbers, insertPerson, updatePerson } from './people.repository';
import type { Person, PersonFields } from './people.types';
import { locationOf } from './people.view';

export type PersonPatch = Partial<PersonInput> & { version: number };

const accountOf = (actor: Actor) => (actor.kind === 'anonymous' ? null : actor.accountId);

/** Inserts a validated person with its history and audit; a racing duplicate becomes a 409. */
export async function createPersonIn(
  tx: Queryable,
  ctx: AuditContext,
  f: PersonFields,
  opts: { revealExistingId: boolean; details?: Record<string, unknown> },
): Promise<Person> {
  await assertNoIdDuplicate(tx, f, null, opts.revealExistingId);
  const id = await insertPerson(tx, f, accountOf(ctx.actor));
  await addHistory(tx, id, accountOf(ctx.actor), 'create', { fields: fieldsSet(f) });
  await recordAudit(tx, ctx, { action: 'person.create', personId: id, details: { ...opts.details } });
  return fullPerson(tx, await loadPerson(tx, id));
}

function fieldsSet(f: PersonFields): string[] {
  return Object.entries(f)
    .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);
}

/** Turns a unique-index violation (two concurrent creations) into DUPLICATE_PERSON. */
export async function translateDuplicate<T>(
  db: Db,
  f: PersonFields,
  run: () => Promise<T>,
  revealExistingId = true,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw duplicateError(revealExistingId ? ((await findByIdNumbers(db, f, null)) ?? null) : null);
  }
}

export function peopleWriteService(db: Db) {
  return {
    async create(ctx: AuditContext, input: PersonInput, idempotencyKey?: string) {
      authorize(ctx.actor, 'person.create');
      const f = await validPersonFields(db, input);
      authorize(ctx.actor, 'person.create', {
        provinceCode: f.provinceCode,
        districtCode: f.districtCode,
        communeCode: f.communeCode,
        structure: f.unitStructure,
      });
      return translateDuplicate(db, f, () =>
        runIdempotent(
          db,
          {
            scope: idempotencyScope('POST /api/people', ctx.actor),
            key: idempotencyKey,
            body: input,
            status: 201,
          },
          (tx) => createPersonIn(tx, ctx, f, { revealExistingId: true }),
        ),
      );
    },

    /** Optimistic concurrency: the client sends the version it read; a stale one gets 409 CONFLICT. */
    async update(ctx: AuditContext, id: string, patch: PersonPatch): Promise<Person> {
      authorize(ctx.actor, 'person.update');
      const current = await loadPerson(db, id);
      authorize(ctx.actor, 'person.update', locationOf(current));
      return updatePersonWith(db, ctx, current, patch, {});
    },
  };
}

/**
 * The update both officers and the citizen (their own record) go through: field validation, the id
 * duplicate check, the version check (stale → 409 CONFLICT), history and audit in one transaction.
 */
export async function updatePersonWith(
  db: Db,
  ctx: AuditContext,
  current: Awaited<ReturnType<typeof loadPerson>>,
  patch: PersonPatch,
  details: Record<string, unknown>,
): Promise<Person> {
  const f = await validPersonFields(db, mergeInput(current, patch));
  return translateDuplicate(db, f, () =>
    db.transaction((tx) => updatePersonIn(tx, ctx, current.id, f, patch.version, details)),
  );
}

/** The update's writes in the caller's transaction (validated fields; stale version → CONFLICT). */
export async function updatePersonIn(
  tx: Queryable,
  ctx: AuditContext,
  id: string,
  f: PersonFields,
  version: number,
  details: Record<string, unknown>,
): Promise<Person> {
  await assertNoIdDuplicate(tx, f, id);
  const before = await loadPerson(tx, id, true);
  if (!(await updatePerson(tx, id, f, version))) throw new AppError('CONFLICT');
  const changes = changedFields(before, f);
  await addHistory(tx, id, accountOf(ctx.actor), 'update', changes);
  await recordAudit(tx, ctx, {
    action: 'person.update',
    personId: id,
    details: { fields: Object.keys(changes), ...details },
  });
  return fullPerson(tx, await loadPerson(tx, id));
}

/** PATCH semantics: absent fields keep their stored value. */
export function mergeInput(row: Awaited<ReturnType<typeof loadPerson>>, patch: PersonPatch): PersonInput {
  const pick = <K extends keyof PersonInput>(k: K, stored: PersonInput[K]): PersonInput[K] =>
    patch[k] !== undefined ? (patch[k] as PersonInput[K]) : stored;
  const birthDate = pick('birthDate', row.birth_date);
  return {
    fullName: pick('fullName', row.full_name) as string,
    birthDate,
    // A new birth date decides the year unless a year is sent as well.
    birthYear: patch.birthYear ?? (patch.birthDate ? null : row.birth_year),
    sex: pick('sex', row.sex) as PersonInput['sex'],
    nationality: pick('nationality', row.nationality),
    cccd: pick('cccd', row.cccd),
    cmnd: pick('cmnd', row.cmnd),
    passport: pick('passport', row.passport),
    bhyt: pick('bhyt', row.bhyt),
    phones: pick('phones', row.phones),
    communeCode: pick('communeCode', row.commune_code) as string,
    street: pick('street', row.street),
  };
}
