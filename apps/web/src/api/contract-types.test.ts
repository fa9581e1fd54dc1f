import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The web's API shapes are the server's: every type packages/contracts derives from a route's schema is
 * imported by the web, never written again by hand. A hand-written `interface Person` (whose nullability
 * drifted from the server's before) fails here.
 */
const repo = new URL('../../../../', import.meta.url).pathname;
const contractModules = [
  'packages/contracts/src/people.ts',
  'packages/contracts/src/venues.ts',
  'packages/contracts/src/accounts.ts',
  'packages/contracts/src/vaccination.ts',
  'packages/contracts/src/vaccination-corrections.ts',
  'packages/contracts/src/vaccination-import.ts',
  'packages/contracts/src/vaccination-invitations.ts',
  'packages/contracts/src/vaccination-campaigns.ts',
  'packages/contracts/src/worklist.ts',
  'packages/contracts/src/geo.ts',
  'packages/contracts/src/status.ts',
  'packages/contracts/src/scan.ts',
  'packages/contracts/src/audit.ts',
  'packages/contracts/src/figures.ts',
  'packages/contracts/src/personal-qr.ts',
  'packages/contracts/src/keys.ts',
  'packages/contracts/src/outbox.ts',
  'packages/contracts/src/results.ts',
  'packages/contracts/src/declarations.ts',
  'packages/contracts/src/sampling.ts',
  'packages/contracts/src/checkins.ts',
  'packages/contracts/src/certificates.ts',
  'packages/contracts/src/lab.ts',
  'packages/contracts/src/trust-list.ts',
];

/** Per moved module: the shapes the web reads, each of which must come from the contracts. */
const webShapes: Record<string, string[]> = {
  vaccination: [
    'AefiInput',
    'AefiSeverity',
    'Arrival',
    'Booking',
    'CatalogueProduct',
    'CatalogueVersion',
    'CoverageFigures',
    'CoverageStructure',
    'DayList',
    'DueItem',
    'DuePage',
    'Dose',
    'Lot',
    'MyVaccination',
    'PersonAtSite',
    'ScreeningDecisionCode',
    'ScreeningQuestion',
    'Site',
    'SiteFigures',
    'Slot',
  ],
  'vaccination-corrections': ['Correction', 'CorrectionReviewT'],
  'vaccination-import': ['ImportAccepted', 'ImportPreview', 'ImportRow', 'ImportView'],
  'vaccination-invitations': ['AgeBandT', 'DueCount', 'InvitationList', 'InviteResult', 'InvitationPreview'],
  'vaccination-campaigns': ['CampaignList', 'CampaignSummary'],
  people: ['Person', 'PersonSummary', 'PersonInput', 'HistoryItem', 'DuplicateReason'],
  venues: ['Venue', 'VenueStatus', 'StaffMember', 'VenueKindOption'],
  worklist: ['WorklistItem', 'AreaSummary'],
  checkins: ['CheckinResult', 'Visit', 'OfPersonResult', 'MyCheckins', 'CheckinHold'],
  accounts: ['Me', 'AccountSummary', 'AccountList', 'OtpRequested', 'TotpSetup'],
  certificates: ['VerificationAnswer', 'CertificateLookup', 'Revoked'],
  lab: [
    'ResultValue',
    'ColumnMapping',
    'EnterResult',
    'PendingResult',
    'PendingResults',
    'VerifyResult',
    'LabResultView',
    'CorrectionResult',
    'CertificateFailure',
    'CertificateFailures',
    'RetryResult',
    'LabUpload',
    'LabUploadAccepted',
    'TestingFigures',
    'TestingMeasures',
  ],
  geo: ['Unit', 'UnitDetail', 'MoveRun', 'MoveReview'],
  status: ['Colour', 'Bilingual', 'PersonStatus'],
  scan: ['ScanResult', 'PendingIdentity'],
  audit: ['AuditEntry', 'AuditEntries', 'ChainReport', 'ChainProblem'],
  figures: ['FigureLevel', 'FigureRow', 'FiguresResult'],
  'personal-qr': ['MyQr', 'CardBatch', 'CardBatchCreated'],
  keys: ['PublicKeyList', 'RevocationList'],
  'trust-list': ['VerifierTrustList', 'TrustedSignerList', 'TrustedSigner', 'TrustListImportAnswerT'],
  outbox: ['InboxMessage'],
  results: ['MyResult', 'MyResults', 'OfficerResult', 'PersonResults', 'Certificate'],
  declarations: [
    'DeclarationKind',
    'Question',
    'QuestionSet',
    'SubmitResult',
    'Declaration',
    'DeclarationHold',
  ],
  sampling: [
    'SessionSummary',
    'SessionDetail',
    'ImportReport',
    'LabelBatch',
    'Tube',
    'Notice',
    'SampleResult',
    'SampleItem',
    'Manifest',
    'ReceiveReport',
    'Lab',
  ],
};

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(join(repo, path), 'utf8'), ts.ScriptTarget.Latest, true);
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(repo, dir))) {
    const p = join(dir, name);
    if (statSync(join(repo, p)).isDirectory()) filesUnder(p, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** Names of the types a contracts module exports (derived with Static<> from its schemas). */
function contractTypes(path: string): string[] {
  return parse(path)
    .statements.filter((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s))
    .filter((s) => s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((s) => s.name.text);
}

describe('web API types come from packages/contracts', () => {
  const shared = contractModules.flatMap(contractTypes);

  it('contracts derive the people, venue and account shapes from their schemas', () => {
    for (const name of ['Person', 'PersonSummary', 'PersonInput', 'HistoryItem', 'DuplicateReason'])
      assert.ok(shared.includes(name), name);
    for (const name of ['Venue', 'VenueStatus', 'StaffMember', 'VenueKindOption'])
      assert.ok(shared.includes(name), name);
    for (const name of ['Me', 'AccountSummary']) assert.ok(shared.includes(name), name);
    for (const name of ['Dose', 'MyVaccination', 'PersonAtSite', 'Site', 'Lot', 'Booking'])
      assert.ok(shared.includes(name), name);
    for (const name of ['WorklistItem', 'WorklistStatus', 'AreaSummary'])
      assert.ok(shared.includes(name), name);
    for (const [module, names] of Object.entries(webShapes))
      for (const name of names) assert.ok(shared.includes(name), `${module}: ${name}`);
  });

  it("the web reads the moved modules' shapes from the contracts, not from a copy", () => {
    // Every web file importing one of these names must take it from @phongdich/contracts/<m> or from a
    // web file that re-exports it from there (the check above forbids a local declaration).
    const imported = new Map<string, Set<string>>();
    for (const file of filesUnder('apps/web/src')) {
      for (const s of parse(file).statements) {
        if (!ts.isImportDeclaration(s) && !ts.isExportDeclaration(s)) continue;
        const spec = s.moduleSpecifier;
        if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('@phongdich/contracts/')) continue;
        const m = spec.text.slice('@phongdich/contracts/'.length);
        const names = imported.get(m) ?? new Set<string>();
        const clause = ts.isImportDeclaration(s) ? s.importClause?.namedBindings : s.exportClause;
        if (clause && (ts.isNamedImports(clause) || ts.isNamedExports(clause)))
          for (const e of clause.elements) names.add((e.propertyName ?? e.name).text);
        imported.set(m, names);
      }
    }
    const missing = Object.entries(webShapes).flatMap(([m, names]) =>
      names.filter((n) => !imported.get(m)?.has(n)).map((n) => `${m}: ${n}`),
    );
    assert.deepEqual(missing, []);
  });

  it('no web file declares its own copy of a contracts type', () => {
    const copies: string[] = [];
    for (const file of filesUnder('apps/web/src')) {
      for (const s of parse(file).statements) {
        const declared =
          ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) ? s.name.text : undefined;
        if (declared && shared.includes(declared)) copies.push(`${file}: ${declared}`);
      }
    }
    assert.deepEqual(copies, []);
  });

  it("the web's API types re-export them from the contracts", () => {
    const reexported = new Set<string>();
    const typeFiles = [
      'apps/web/src/api/types.ts',
      'apps/web/src/features/venues/types.ts',
      'apps/web/src/features/vaccination/types.ts',
    ];
    for (const s of typeFiles.flatMap((f) => parse(f).statements)) {
      if (!ts.isExportDeclaration(s) || !s.exportClause || !ts.isNamedExports(s.exportClause)) continue;
      if (
        !ts.isStringLiteral(s.moduleSpecifier!) ||
        !s.moduleSpecifier.text.startsWith('@phongdich/contracts')
      )
        continue;
      for (const e of s.exportClause.elements) reexported.add(e.name.text);
    }
    for (const name of ['Person', 'PersonSummary', 'PersonInput', 'HistoryItem', 'DuplicateReason'])
      assert.ok(reexported.has(name), name);
    for (const name of ['Venue', 'VenueStatus', 'StaffMember', 'VenueKindOption'])
      assert.ok(reexported.has(name), name);
    for (const name of ['Me', 'AccountSummary']) assert.ok(reexported.has(name), name);
    for (const name of ['Dose', 'MyVaccination', 'PersonAtSite', 'Site', 'Lot', 'Booking'])
      assert.ok(reexported.has(name), name);
  });
});
