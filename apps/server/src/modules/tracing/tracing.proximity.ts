import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { NOWHERE } from '../../core/auth/jurisdiction';
import { rotationInterval } from '@phongdich/domain';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { keysSecretOf } from '../../core/crypto/keys-secret';
import { AppError } from '../../core/errors';
import { caseForTracing } from '../cases';
import { citizenPersonId, familyOf, personAreas } from '../people';
import { discoverForCase } from './tracing.contacts';
import { DAY_MS, MIN_MS, tracingRulesAt } from './tracing.rules';

/**
 * Proximity identifiers (Bluezone-like). id = HMAC(idKey, personSecret ‖ interval), 16 bytes: rotating,
 * unlinkable without the server's key. The server keeps only lookup = HMAC(lookupKey, id) → person, so
 * the database alone cannot tell whose an identifier heard on the street is. Both keys derive from
 * the server secret (configuration), never stored.
 */
function keys(q: Queryable) {
  const secret = keysSecretOf(q);
  return {
    id: createHmac('sha256', secret).update('phongdich.proximity.id.v1').digest(),
    lookup: createHmac('sha256', secret).update('phongdich.proximity.lookup.v1').digest(),
  };
}
const lookupOf = (k: Buffer, id: Buffer) => createHmac('sha256', k).update(id).digest();
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

async function personSecret(tx: Queryable, personId: string): Promise<Buffer> {
  await tx.query('insert into proximity_secrets (person_id, secret) values ($1, $2) on conflict do nothing', [
    personId,
    randomBytes(32),
  ]);
  const [r] = await tx.query<{ secret: Uint8Array }>(
    'select secret from proximity_secrets where person_id = $1',
    [personId],
  );
  return Buffer.from(r!.secret);
}

export interface EncounterInput {
  identifier: string;
  at: string;
  durationMinutes: number;
  rssi: number;
}

export function proximityService(db: Db) {
  return {
    /** The signed-in citizen's identifiers for a Vietnam day (today or tomorrow): the same on every call. */
    async identifiers(ctx: AuditContext, day: string, now = new Date()) {
      authorize(ctx.actor, 'proximity.ids');
      const today = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
      const tomorrow = new Date(now.getTime() + 7 * 3_600_000 + DAY_MS).toISOString().slice(0, 10);
      if (day !== today && day !== tomorrow) throw new AppError('PROXIMITY_DAY_OUT_OF_RANGE');
      const personId = await citizenPersonId(db, ctx.actor);
      if (!personId) throw new AppError('PERSON_NOT_FOUND');
      const rules = tracingRulesAt(now);
      return db.transaction(async (tx) => {
        const k = keys(tx);
        const secret = await personSecret(tx, personId);
        const start = new Date(`${day}T00:00:00+07:00`);
        const out: { id: string; validFrom: string; validTo: string }[] = [];
        const lookups: Buffer[] = [];
        const froms: Date[] = [];
        const tos: Date[] = [];
        for (
          let t = start.getTime();
          t < start.getTime() + DAY_MS;
          t += rules.proximity.rotationMinutes * MIN_MS
        ) {
          const iv = rotationInterval(new Date(t), rules.proximity.rotationMinutes);
          const idx = Buffer.alloc(8);
          idx.writeBigInt64BE(BigInt(iv.index));
          const id = createHmac('sha256', k.id).update(secret).update(idx).digest().subarray(0, 16);
          out.push({
            id: id.toString('base64url'),
            validFrom: iv.start.toISOString(),
            validTo: iv.end.toISOString(),
          });
          lookups.push(lookupOf(k.lookup, id));
          froms.push(iv.start);
          tos.push(iv.end);
        }
        await tx.query(
          `insert into proximity_identifiers (lookup, person_id, valid_from, valid_to)
           select l, $2, f, t from unnest($1::bytea[], $3::timestamptz[], $4::timestamptz[]) as x(l, f, t)
           on conflict (lookup) do nothing`,
          [lookups, personId, froms, tos],
        );
        await recordAudit(tx, ctx, {
          action: 'proximity.ids',
          personId,
          details: { day, count: out.length },
        });
        return { day, rotationMinutes: rules.proximity.rotationMinutes, identifiers: out };
      });
    },

    /** A one-time code for the case to upload their encounter log (shown once to the officer). */
    async issueCode(ctx: AuditContext, caseId: string, now = new Date()) {
      authorize(ctx.actor, 'proximity.code');
      const c = await caseForTracing(db, caseId);
      if (!c) throw new AppError('TRACING_CASE_NOT_FOUND');
      const area = (await personAreas(db, [c.personId])).get(c.personId);
      authorize(
        ctx.actor,
        'proximity.code',
        // A case whose person is gone lies nowhere: only a national account reaches it.
        area ? { ...area } : NOWHERE,
      );
      const rules = tracingRulesAt(now);
      const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      const expiresAt = new Date(now.getTime() + rules.proximity.uploadCodeHours * 3_600_000);
      return db.transaction(async (tx) => {
        const accountId = ctx.actor.kind === 'staff' ? ctx.actor.accountId : null;
        await tx.query(
          `insert into proximity_upload_codes (case_id, person_id, code_hash, issued_by_account_id, expires_at)
           values ($1, $2, $3, $4, $5)`,
          [caseId, c.personId, lookupOf(keys(tx).lookup, Buffer.from(code)), accountId, expiresAt],
        );
        await recordAudit(tx, ctx, { action: 'proximity.code', personId: c.personId, details: { caseId } });
        return { code, expiresAt: expiresAt.toISOString() };
      });
    },

    /**
     * The case's encounter log, with the officer's code. Bounded and checked entry by entry; stored under
     * the phone's upload id, so a retry answers the first result and stores nothing. Resolved encounters
     * feed the case's discovery at once (proximity evidence).
     */
    async upload(
      ctx: AuditContext,
      input: { uploadId: string; code: string; encounters: EncounterInput[] },
      now = new Date(),
    ) {
      authorize(ctx.actor, 'proximity.upload');
      const own = await citizenPersonId(db, ctx.actor);
      if (!own) throw new AppError('PROXIMITY_CODE_INVALID');
      const mine = [own, ...(await familyOf(db, own)).map((m) => m.id)];
      const rules = tracingRulesAt(now);
      const oldest = now.getTime() - rules.proximity.retentionDays * DAY_MS;
      const bad = input.encounters.findIndex((e) => {
        const t = Date.parse(e.at);
        return Number.isNaN(t) || t < oldest || t > now.getTime() + 10 * MIN_MS;
      });
      if (bad >= 0)
        throw new AppError('PROXIMITY_LOG_INVALID', [
          {
            field: `encounters/${bad}/at`,
            code: 'OUT_OF_RANGE',
            message: { vi: 'Thời điểm ngoài khoảng cho phép', en: 'Time outside the allowed range' },
          },
        ]);
      return db.transaction(async (tx) => {
        const prior = await tx.query<{
          case_id: string;
          person_id: string;
          encounters: number;
          resolved: number;
        }>('select case_id, person_id, encounters, resolved from proximity_uploads where id = $1', [
          input.uploadId,
        ]);
        if (prior[0]) {
          if (!mine.includes(prior[0].person_id)) throw new AppError('PROXIMITY_CODE_INVALID');
          return {
            uploadId: input.uploadId,
            encounters: prior[0].encounters,
            resolved: prior[0].resolved,
            duplicate: true,
          };
        }
        const k = keys(tx);
        const [code] = await tx.query<{ id: string; case_id: string; person_id: string }>(
          `select id, case_id, person_id from proximity_upload_codes
            where code_hash = $1 and used_at is null and expires_at > $2 for update`,
          [lookupOf(k.lookup, Buffer.from(input.code.trim().toUpperCase())), now],
        );
        if (!code || !mine.includes(code.person_id)) throw new AppError('PROXIMITY_CODE_INVALID');
        const lookups = input.encounters.map((e) =>
          lookupOf(k.lookup, Buffer.from(e.identifier, 'base64url')),
        );
        const matched = await tx.query<{
          lookup: Uint8Array;
          person_id: string;
          valid_from: Date;
          valid_to: Date;
        }>(
          'select lookup, person_id, valid_from, valid_to from proximity_identifiers where lookup = any($1::bytea[])',
          [lookups],
        );
        const byLookup = new Map(matched.map((m) => [Buffer.from(m.lookup).toString('hex'), m]));
        // A phone's clock may be off by a rotation: an identifier counts within one interval of its own.
        const slack = rules.proximity.rotationMinutes * MIN_MS;
        const resolvedPerson = input.encounters.map((e, i) => {
          const m = byLookup.get(lookups[i]!.toString('hex'));
          const t = Date.parse(e.at);
          if (!m || m.person_id === code.person_id) return null;
          return t >= m.valid_from.getTime() - slack && t < m.valid_to.getTime() + slack ? m.person_id : null;
        });
        const resolved = resolvedPerson.filter(Boolean).length;
        await tx.query(
          'insert into proximity_uploads (id, case_id, person_id, encounters, resolved) values ($1, $2, $3, $4, $5)',
          [input.uploadId, code.case_id, code.person_id, input.encounters.length, resolved],
        );
        if (input.encounters.length)
          await tx.query(
            `insert into proximity_encounters (upload_id, case_id, person_id, at, duration_minutes, rssi)
             select $1, $2, * from unnest($3::uuid[], $4::timestamptz[], $5::int[], $6::int[])`,
            [
              input.uploadId,
              code.case_id,
              resolvedPerson,
              input.encounters.map((e) => new Date(e.at)),
              input.encounters.map((e) => e.durationMinutes),
              input.encounters.map((e) => e.rssi),
            ],
          );
        await tx.query('update proximity_upload_codes set used_at = $2, upload_id = $3 where id = $1', [
          code.id,
          now,
          input.uploadId,
        ]);
        await recordAudit(tx, ctx, {
          action: 'proximity.upload',
          personId: code.person_id,
          details: { caseId: code.case_id, encounters: input.encounters.length, resolved },
        });
        await discoverForCase(tx, code.case_id, ctx, now);
        return { uploadId: input.uploadId, encounters: input.encounters.length, resolved, duplicate: false };
      });
    },
  };
}

/** Deletes encounter logs, issued identifiers and codes past the rules' retention (a job on app.jobs). */
export async function runProximityRetention(db: Db, now = new Date()): Promise<Record<string, number>> {
  const days = tracingRulesAt(now).proximity.retentionDays;
  const before = new Date(now.getTime() - days * DAY_MS);
  const count = async (sql: string) =>
    (
      await db.query<{ n: number }>(`with d as (${sql} returning 1) select count(*)::int as n from d`, [
        before,
      ])
    )[0]?.n ?? 0;
  return {
    // The contacts keep the exposure an encounter gave (when, how long), not the log's details: its
    // signal strength and upload go with the log (a decided contact's evidence outlives the log).
    // Only contacts still naming an upload are read: the expression is the one of migration 0079's
    // partial index.
    evidenceStripped: await count(
      `update contacts c set evidence = s.evidence, updated_at = now()
         from (select c2.id, jsonb_agg(case when e->>'kind' = 'proximity' and (e->>'at')::timestamptz < $1
                                            then e - 'rssi' - 'uploadId' else e end order by n) as evidence
                 from contacts c2, jsonb_array_elements(c2.evidence) with ordinality as x(e, n)
                where jsonb_path_exists(c2.evidence, '$[*] ? (@.kind == "proximity" && exists(@.uploadId))')
                group by c2.id) s
        where c.id = s.id and c.evidence <> s.evidence`,
    ),
    // Encounters go with their upload (on delete cascade).
    encounters: await count('delete from proximity_encounters where at < $1'),
    uploads: await count('delete from proximity_uploads where received_at < $1'),
    identifiers: await count('delete from proximity_identifiers where valid_to < $1'),
    codes: await count('delete from proximity_upload_codes where expires_at < $1'),
    // Lines of an investigation that matched nobody: a name and a phone outside the registry, leads
    // for a follow-up that is over by now (core/retention.ts).
    namedPending: await count(
      `delete from named_contacts where status in ('pending', 'ambiguous') and updated_at < $1`,
    ),
  };
}
