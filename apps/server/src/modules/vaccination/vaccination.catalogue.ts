import {
  catalogueProblems,
  COVID19_VN_CATALOGUE,
  selectCatalogue,
  type VaccinationCatalogue,
} from '@phongdich/domain';
import { valueSetDisplay } from '@phongdich/dcc';
import type { FieldError, FieldErrorCode } from '@phongdich/contracts';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { idempotentCreate } from './vaccination.idempotent';

const COVID_TG = '840539006';

/** Reference data: the built-in catalogue versions, added once (reference-data loader). */
export async function loadBuiltInCatalogues(db: Db): Promise<void> {
  for (const c of [COVID19_VN_CATALOGUE])
    await db.query(
      `insert into vaccine_catalogues (disease, version, effective_from, body) values ($1, $2, $3, $4)
       on conflict do nothing`,
      [c.disease, c.version, c.effectiveFrom, JSON.stringify(c)],
    );
}

export async function cataloguesOf(q: Queryable, disease: string): Promise<VaccinationCatalogue[]> {
  const rows = await q.query<{ body: VaccinationCatalogue }>(
    'select body from vaccine_catalogues where disease = $1 order by effective_from desc',
    [disease],
  );
  return rows.map((r) => r.body);
}

export async function catalogueInForce(
  q: Queryable,
  disease: string,
  at: Date,
): Promise<VaccinationCatalogue> {
  const c = selectCatalogue(await cataloguesOf(q, disease), disease, at);
  if (!c) throw new AppError('VACCINE_CATALOGUE_NOT_FOUND');
  return c;
}

const fieldError = (field: string, code: FieldErrorCode): FieldError => ({
  field,
  code,
  message: {
    vi: code === 'not_in_value_set' ? 'Mã không có trong bộ mã EU DCC' : 'Giá trị không hợp lệ',
    en: code === 'not_in_value_set' ? 'Code not in the EU DCC value set' : 'Invalid value',
  },
});

/** What the schema cannot see: references between entries and, for COVID-19, the DCC value-set codes. */
export function catalogueErrors(c: VaccinationCatalogue): FieldError[] {
  const errors = catalogueProblems(c).map((p) => fieldError(p.field, p.code));
  if (c.diseaseCode === COVID_TG)
    c.products.forEach((p, i) => {
      if (!valueSetDisplay('mp', p.mp)) errors.push(fieldError(`products.${i}.mp`, 'not_in_value_set'));
      if (!valueSetDisplay('ma', p.ma, 'v')) errors.push(fieldError(`products.${i}.ma`, 'not_in_value_set'));
      if (!valueSetDisplay('vp', p.vp)) errors.push(fieldError(`products.${i}.vp`, 'not_in_value_set'));
    });
  return errors;
}

export function catalogueService(db: Db) {
  return {
    async list(ctx: AuditContext, disease: string) {
      authorize(ctx.actor, 'vaccination.catalogue.read');
      const rows = await db.query<{
        version: string;
        effective_from: Date;
        created_at: Date;
        body: VaccinationCatalogue;
      }>(
        `select version, effective_from, created_at, body from vaccine_catalogues where disease = $1
         order by effective_from desc`,
        [disease],
      );
      const inForce = selectCatalogue(
        rows.map((r) => r.body),
        disease,
        new Date(),
      )?.version;
      return rows.map((r) => ({
        ...r.body,
        inForce: r.version === inForce,
        createdAt: r.created_at.toISOString(),
      }));
    },

    /**
     * A national administrator's edit is a new version taking effect after every earlier one: what
     * was in force stays as it was, so past eligibility decisions can be explained.
     */
    async create(ctx: AuditContext, body: VaccinationCatalogue, idempotencyKey?: string) {
      authorize(ctx.actor, 'vaccination.catalogue.manage');
      const errors = catalogueErrors(body);
      if (errors.length) throw new AppError('VACCINE_CATALOGUE_INVALID', errors);
      return idempotentCreate(db, ctx, 'vaccination.catalogue.create', idempotencyKey, body, async (tx) => {
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`vaccine_catalogue:${body.disease}`]);
        const latest = await tx.query<{ effective_from: Date }>(
          'select max(effective_from) as effective_from from vaccine_catalogues where disease = $1',
          [body.disease],
        );
        const last = latest[0]?.effective_from;
        const inserted = await tx.query<{ id: string }>(
          `insert into vaccine_catalogues (disease, version, effective_from, body, created_by_account_id)
           select $1, $2, $3, $4, $5 where $6::timestamptz is null or $3::timestamptz > $6::timestamptz
           on conflict do nothing returning id`,
          [
            body.disease,
            body.version,
            body.effectiveFrom,
            JSON.stringify(body),
            ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
            last ?? null,
          ],
        );
        if (!inserted.length) throw new AppError('VACCINE_CATALOGUE_VERSION_EXISTS');
        await recordAudit(tx, ctx, {
          action: 'vaccination.catalogue.create',
          details: { disease: body.disease, version: body.version },
        });
        return {
          ...body,
          inForce: Date.parse(body.effectiveFrom) <= Date.now(),
          createdAt: new Date().toISOString(),
        };
      });
    },
  };
}
