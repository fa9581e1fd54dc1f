import { foldVietnamese, normalizeVnMobile } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import { authorize, can } from '../../core/auth/policy';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import { AppError, assertNoFieldErrors, fieldError } from '../../core/errors';
import { fullPerson, loadPerson } from './people.common';
import { normalizeIdNumber } from './people.input';
import { citizenMayRead, staffSeesInFull } from './people.policy';
import { familyOf, historyOf } from './people.repository';
import { searchPersons } from './people.search.repository';
import type { Person, PersonSummary } from './people.types';
import { locationOf, toPerson, toSummary } from './people.view';

export interface SearchInput {
  q?: string;
  idNumber?: string;
  phone?: string;
  birthYear?: number;
  communeCode?: string;
  limit?: number;
  cursor?: string;
}

type NameMode = 'prefix' | 'words';

const encodeCursor = (nameFolded: string, id: string, mode: NameMode) =>
  Buffer.from(JSON.stringify([nameFolded, id, mode])).toString('base64url');

function decodeCursor(cursor: string): { nameFolded: string; id: string; mode: NameMode } {
  try {
    const [nameFolded, id, mode] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      string,
      string,
      NameMode,
    ];
    if (
      typeof nameFolded === 'string' &&
      /^[0-9a-f-]{36}$/.test(id) &&
      (mode === 'prefix' || mode === 'words')
    ) {
      return { nameFolded, id, mode };
    }
  } catch {
    // fall through to the validation error
  }
  throw new AppError('VALIDATION_FAILED', [
    fieldError('cursor', 'CURSOR_INVALID', 'Con trỏ trang không hợp lệ.', 'Invalid page cursor.'),
  ]);
}

/** Reading and finding people. Every read is audited in the transaction that reads. */
export function peopleReadService(db: Db) {
  return {
    async get(ctx: AuditContext, id: string): Promise<Person> {
      const { actor } = ctx;
      if (actor.kind === 'citizen') {
        return db.transaction(async (tx) => {
          if (!(await citizenMayRead(tx, actor, id))) throw new AppError('PERSON_NOT_FOUND');
          const person = await fullPerson(tx, await loadPerson(tx, id));
          await recordAudit(tx, ctx, {
            action: 'person.read',
            personId: id,
            details: { view: 'full', as: 'citizen' },
          });
          return person;
        });
      }
      authorize(actor, 'person.read');
      return db.transaction(async (tx) => {
        const row = await loadPerson(tx, id);
        const full = staffSeesInFull(actor, row);
        const family = full ? await familyOf(tx, id) : [];
        await recordAudit(tx, ctx, {
          action: 'person.read',
          personId: id,
          details: { view: full ? 'full' : 'masked' },
        });
        return toPerson(row, family, { masked: !full, canBreakGlass: can(actor, 'person.breakGlass') });
      });
    },

    /** Opens a record outside the actor's jurisdiction, with a stated reason that is audited. */
    async breakGlass(ctx: AuditContext, id: string, reason: string): Promise<Person> {
      authorize(ctx.actor, 'person.breakGlass');
      const why = reason.trim();
      if (why.length < 10) throw new AppError('BREAK_GLASS_REASON_REQUIRED');
      return db.transaction(async (tx) => {
        const person = await fullPerson(tx, await loadPerson(tx, id));
        await recordAudit(tx, ctx, {
          action: 'person.breakGlass',
          personId: id,
          breakGlass: true,
          reason: why,
          details: { view: 'full' },
        });
        return person;
      });
    },

    /**
     * Name searches stay within the actor's jurisdiction. An exact identity-number or phone search may
     * also return people outside it, masked, so an officer can find the record and break the glass.
     */
    async search(
      ctx: AuditContext,
      input: SearchInput,
    ): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
      const { actor } = ctx;
      authorize(actor, 'person.search');
      const nameFolded = input.q ? foldVietnamese(input.q) : undefined;
      const phone = input.phone ? normalizeVnMobile(input.phone) : undefined;
      const idNumber = input.idNumber ? normalizeIdNumber(input.idNumber) : undefined;
      const errors = [];
      if (input.q !== undefined && (nameFolded ?? '').length < 3) {
        errors.push(
          fieldError('q', 'QUERY_TOO_SHORT', 'Nhập ít nhất 3 ký tự.', 'Type at least 3 characters.'),
        );
      }
      if (input.phone !== undefined && !phone) {
        errors.push(
          fieldError('phone', 'PHONE_FORMAT', 'Số điện thoại không hợp lệ.', 'Invalid phone number.'),
        );
      }
      if (!nameFolded && !phone && !idNumber && !input.communeCode && input.birthYear === undefined) {
        errors.push(
          fieldError('q', 'SEARCH_EMPTY', 'Cần ít nhất một điều kiện tìm.', 'Give at least one criterion.'),
        );
      }
      assertNoFieldErrors(errors);
      const exact = Boolean(idNumber || phone);
      const limit = Math.min(input.limit ?? 20, 100);
      const after = input.cursor ? decodeCursor(input.cursor) : undefined;
      return db.transaction(async (tx) => {
        const run = (nameMode: NameMode) =>
          searchPersons(tx, {
            nameFolded,
            nameMode,
            idNumber,
            phone: phone ?? undefined,
            birthYear: input.birthYear,
            communeCode: input.communeCode,
            jurisdiction: exact ? undefined : (alias, i) => jurisdictionSql(actor, alias, i),
            after,
            limit: limit + 1,
          });
        // A name is matched from its start first (indexed, ordered); only when nothing starts with what
        // was typed are the words looked up anywhere in the name. The cursor remembers which it was.
        let mode: NameMode = after?.mode ?? 'prefix';
        let rows = await run(mode);
        if (!after && nameFolded && rows.length === 0) rows = await run((mode = 'words'));
        const page = rows.slice(0, limit);
        const items = page.map((r) => toSummary(r, !staffSeesInFull(actor, r)));
        const filters = (['q', 'idNumber', 'phone', 'birthYear', 'communeCode', 'cursor'] as const).filter(
          (k) => input[k] !== undefined,
        );
        await recordAudit(tx, ctx, {
          action: 'person.search',
          details: {
            filters,
            resultIds: items.map((i) => i.id),
            maskedIds: items.filter((i) => i.masked).map((i) => i.id),
          },
        });
        const last = page[page.length - 1];
        return {
          items,
          nextCursor: rows.length > limit && last ? encodeCursor(last.name_folded, last.id, mode) : null,
        };
      });
    },

    async history(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'person.read');
      return db.transaction(async (tx) => {
        const row = await loadPerson(tx, id);
        authorize(ctx.actor, 'person.read', locationOf(row));
        const items = await historyOf(tx, id);
        await recordAudit(tx, ctx, { action: 'person.read', personId: id, details: { view: 'history' } });
        return { items: items.map((h) => ({ ...h, at: h.at.toISOString() })) };
      });
    },
  };
}
