import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CaseDetail,
  CaseIdParams,
  CaseList,
  CaseListQuery,
  CasePatchBody,
  CaseRules,
  CaseVersion,
  Investigation,
  InvestigationBody,
  ManualCaseBody,
  HomeCareList,
  MissedReportList,
  MyCase,
  OpenCaseAnswer,
  ReleaseNotePdf,
  ReportAnswer,
  ReportBody,
  TransferBody,
  VersionBody,
} from '@phongdich/contracts/cases';
import { homeCareRulesInForce, vietnamDay } from '@phongdich/domain';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import type { Db, Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { citizenAccount, citizenPersonId, findPerson, personIdByPhone } from '../people';
import { investigationOf, saveInvestigation } from './cases.investigation';
import { checkHomeCareReach, homeCareList } from './cases.home-care';
import { missedReports, releaseCase, submitReport } from './cases.isolation';
import { caseLocation } from './cases.location';
import { releaseNotePdf } from './cases.pdf';
import { caseDetail, caseSummary, listCases, releaseState, reportsOf } from './cases.read';
import { findCase, openCaseOf } from './cases.repository';
import { caseForChange, openManualCase, patchCase, transferCase } from './cases.write';
import type { CaseRow } from './cases.types';

/** A case the actor may act on here, read in full; 404 when it does not exist or lies outside reach. */
async function caseToRead(q: Queryable, ctx: AuditContext, id: string): Promise<CaseRow> {
  const c = await findCase(q, id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  authorize(ctx.actor, 'case.read', caseLocation(c));
  return c;
}

/** The citizen's own case: the open one, else the latest closed one. */
async function ownCase(q: Queryable, ctx: AuditContext): Promise<CaseRow | undefined> {
  authorize(ctx.actor, 'case.readOwn');
  if (ctx.actor.kind !== 'citizen') return undefined;
  // As results and vaccination do: the linked record, else the record carrying the account's phone.
  const account = await citizenAccount(q, ctx.actor.accountId);
  const personId =
    (await citizenPersonId(q, ctx.actor)) ??
    (account?.phone ? await personIdByPhone(q, account.phone) : undefined);
  if (!personId) return undefined;
  const open = await openCaseOf(q, personId);
  if (open) return open;
  const rows = await q.query<{ id: string }>(
    'select id::text as id from cases where person_id = $1 order by confirmed_at desc limit 1',
    [personId],
  );
  return rows[0] ? findCase(q, rows[0].id) : undefined;
}

async function notePdf(q: Queryable, c: CaseRow, reply: FastifyReply) {
  const r = (
    await q.query<{
      released_at: Date;
      negative_sample_date: string;
      rule_version: string;
      note_number: string;
    }>(
      `select released_at, negative_sample_date::text as negative_sample_date, rule_version, note_number
       from case_releases where case_id = $1`,
      [c.id],
    )
  )[0];
  if (!r) throw new AppError('CASE_NOT_RELEASED');
  const person = await findPerson(q, c.person_id);
  const summary = await caseSummary(q, c.id);
  const pdf = await releaseNotePdf({
    noteNumber: r.note_number,
    fullName: person?.full_name ?? '',
    birthYear: person?.birth_year ?? 0,
    communeName: summary?.communeName ?? c.commune_code,
    confirmedOn: c.sample_date,
    releasedAt: r.released_at,
    negativeSampleDate: r.negative_sample_date,
    ruleVersion: r.rule_version,
  });
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="giay-hoan-thanh-cach-ly-${r.note_number}.pdf"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}

/** Cases (F0): officers' list and record, manual cases, investigation, home isolation, citizens' own. */
export function casesRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cases'];

  app.get(
    '/api/cases/rules',
    {
      schema: {
        tags,
        summary: 'Mức độ, triệu chứng / Severity levels and symptoms',
        response: { 200: CaseRules },
      },
    },
    async (request) => {
      authorize(request.actor, 'case.read');
      const rules = homeCareRulesInForce(new Date());
      return {
        severityLevels: rules.severityLevels,
        symptoms: rules.symptoms,
        homeCareVersion: rules.version,
      };
    },
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Danh sách ca bệnh / Cases',
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      authorize(ctx.actor, 'case.read');
      const list = await listCases(db, ctx.actor, request.query);
      await recordAudit(db, ctx, { action: 'case.list', details: { count: list.items.length } });
      return list;
    },
  );

  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Nhập ca bệnh xác định nơi khác / Enter a case confirmed elsewhere',
        body: ManualCaseBody,
        response: { 201: OpenCaseAnswer, 200: OpenCaseAnswer },
      },
    },
    async (request, reply) => {
      const ctx = auditContext(request);
      authorize(ctx.actor, 'case.manage');
      const res = await runIdempotent(
        db,
        {
          scope: idempotencyScope('cases.open', ctx.actor),
          key: idempotencyKeyOf(request),
          body: request.body,
          status: 201,
        },
        (tx) => openManualCase(tx, ctx, request.body),
      );
      return reply.code(res.body.opened ? 201 : 200).send(res.body);
    },
  );

  app.get(
    '/api/cases/missed-reports',
    {
      schema: {
        tags,
        summary: 'Ca chưa báo cáo hôm nay / Cases at home without a report today',
        response: { 200: MissedReportList },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      authorize(ctx.actor, 'case.read');
      const list = await missedReports(db, ctx.actor);
      await recordAudit(db, ctx, { action: 'case.missed_reports', details: { count: list.items.length } });
      return list;
    },
  );

  app.get(
    '/api/cases/home-care',
    {
      schema: {
        tags,
        summary: 'Ca cách ly tại nhà cần theo dõi / Cases at home to follow up (community team)',
        response: { 200: HomeCareList },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      authorize(ctx.actor, 'case.homeCare');
      const list = await homeCareList(db, ctx.actor);
      await recordAudit(db, ctx, { action: 'case.home_care', details: { count: list.items.length } });
      return list;
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ ca bệnh / Case record',
        params: CaseIdParams,
        response: { 200: CaseDetail },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      const c = await caseToRead(db, ctx, request.params.id);
      await recordAudit(db, ctx, { action: 'case.read', personId: c.person_id, details: { caseId: c.id } });
      return caseDetail(db, c);
    },
  );

  app.patch(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Cập nhật ca bệnh / Update a case',
        params: CaseIdParams,
        body: CasePatchBody,
        response: { 200: CaseVersion },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      const version = await db.transaction((tx) => patchCase(tx, ctx, request.params.id, request.body));
      return { id: request.params.id, version };
    },
  );

  app.post(
    '/api/cases/:id/transfers',
    {
      schema: {
        tags,
        summary: 'Chuyển nơi điều trị / Move the place of treatment',
        params: CaseIdParams,
        body: TransferBody,
        response: { 200: CaseVersion },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      const version = await db.transaction((tx) => transferCase(tx, ctx, request.params.id, request.body));
      return { id: request.params.id, version };
    },
  );

  app.get(
    '/api/cases/:id/investigation',
    {
      schema: {
        tags,
        summary: 'Phiếu điều tra / Investigation form',
        params: CaseIdParams,
        response: { 200: Investigation },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      const c = await caseToRead(db, ctx, request.params.id);
      await recordAudit(db, ctx, {
        action: 'case.investigation_read',
        personId: c.person_id,
        details: { caseId: c.id },
      });
      return investigationOf(db, c);
    },
  );

  app.put(
    '/api/cases/:id/investigation',
    {
      schema: {
        tags,
        summary: 'Lưu phiếu điều tra / Save the investigation',
        params: CaseIdParams,
        body: InvestigationBody,
        response: { 200: CaseVersion },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      const version = await db.transaction(async (tx) => {
        const c = await caseForChange(tx, ctx, request.params.id, 'case.manage');
        return saveInvestigation(tx, ctx, c, request.body);
      });
      return { id: request.params.id, version };
    },
  );

  app.post(
    '/api/cases/:id/reports',
    {
      schema: {
        tags,
        summary: 'Báo cáo hằng ngày (cán bộ nhập hộ) / Daily report taken by staff',
        params: CaseIdParams,
        body: ReportBody,
        response: { 200: ReportAnswer },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      return db.transaction(async (tx) => {
        const c = await caseForChange(tx, ctx, request.params.id, 'case.report');
        checkHomeCareReach(ctx.actor, c);
        return submitReport(tx, ctx, c, request.body, 'staff');
      });
    },
  );

  app.post(
    '/api/cases/:id/release',
    {
      schema: {
        tags,
        summary: 'Kết thúc cách ly tại nhà / Release from home isolation',
        params: CaseIdParams,
        body: VersionBody,
        response: { 200: CaseVersion },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      const version = await db.transaction(async (tx) => {
        const c = await caseForChange(tx, ctx, request.params.id, 'case.manage');
        return releaseCase(tx, ctx, c, request.body.version);
      });
      return { id: request.params.id, version };
    },
  );

  app.get(
    '/api/cases/:id/release-note.pdf',
    {
      schema: {
        tags,
        summary: 'Giấy hoàn thành cách ly / Release note',
        params: CaseIdParams,
        response: { 200: ReleaseNotePdf },
      },
    },
    async (request, reply) => {
      const ctx = auditContext(request);
      const c = await caseToRead(db, ctx, request.params.id);
      await recordAudit(db, ctx, {
        action: 'case.release_note',
        personId: c.person_id,
        details: { caseId: c.id },
      });
      return notePdf(db, c, reply);
    },
  );

  // --- the citizen's own case: no contacts, no source case, no officers' notes ---
  app.get(
    '/api/me/case',
    { schema: { tags, summary: 'Ca bệnh của tôi / My case', response: { 200: MyCase } } },
    async (request) => {
      const ctx = auditContext(request);
      const c = await ownCase(db, ctx);
      const symptoms = homeCareRulesInForce(new Date()).symptoms;
      if (!c) return { case: null, symptoms };
      await recordAudit(db, ctx, {
        action: 'case.read_own',
        personId: c.person_id,
        details: { caseId: c.id },
      });
      const reports = await reportsOf(db, c.id);
      const { decision: _d, ...release } = await releaseState(db, c);
      const today = vietnamDay(new Date());
      return {
        case: {
          id: c.id,
          status: c.status,
          confirmedAt: c.confirmed_at.toISOString(),
          treatmentKind: c.treatment_kind,
          reportedToday: reports.some((r) => r.reportDay === today),
          reports,
          release,
        },
        symptoms,
      };
    },
  );

  app.post(
    '/api/me/case/reports',
    {
      schema: {
        tags,
        summary: 'Báo cáo sức khỏe hằng ngày / My daily report',
        body: ReportBody,
        response: { 200: ReportAnswer },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      return db.transaction(async (tx) => {
        const own = await ownCase(tx, ctx);
        if (!own) throw new AppError('CASE_NOT_FOUND');
        const c = (await findCase(tx, own.id, true))!;
        return submitReport(tx, ctx, c, request.body, 'self');
      });
    },
  );

  app.get(
    '/api/me/case/release-note.pdf',
    {
      schema: {
        tags,
        summary: 'Giấy hoàn thành cách ly của tôi / My release note',
        response: { 200: ReleaseNotePdf },
      },
    },
    async (request, reply) => {
      const ctx = auditContext(request);
      const c = await ownCase(db, ctx);
      if (!c) throw new AppError('CASE_NOT_FOUND');
      await recordAudit(db, ctx, {
        action: 'case.release_note_own',
        personId: c.person_id,
        details: { caseId: c.id },
      });
      return notePdf(db, c, reply);
    },
  );
}
