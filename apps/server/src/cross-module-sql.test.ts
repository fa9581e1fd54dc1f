import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { READ_VIEWS, TABLE_OWNERS } from './table-owners';

/**
 * A module names only its own tables (and core's) in its SQL: another module's data is read and
 * written through that module's index.ts. The SQL is found in the string and template literals of
 * every non-test file of a module, as `from|join|into|update <table>`.
 * The last listed debt (issue #9) was paid in session 8: no module reads another's table any more,
 * only the named read views (READ_VIEWS) and the move's set-based batch (BY_DESIGN).
 */

/** The move to 2025 carries every table of UNIT_TABLES in one batch by design (geo/move, 0060). */
const BY_DESIGN: Record<string, string[]> = {
  'geo/move/move.batch.ts': ['accounts', 'daily_venue_counts', 'person_name_words', 'persons', 'venues'],
  'geo/move/move.reviews.ts': ['accounts'],
  // A running import goes on as its uploader on the new map; its kept rows name the new communes.
  'geo/move/move.imports.ts': ['accounts', 'vaccination_import_rows', 'vaccination_imports'],
  // The move recounts the vaccination totals from the people it carried, in its final transaction.
  'geo/move/move.figures.ts': [
    'persons',
    'vaccination_coverage',
    'vaccination_coverage_people',
    'vaccination_population',
  ],
};

const src = new URL('.', import.meta.url).pathname;
const modulesDir = join(src, 'modules');
const migrations = join(src, 'db', 'migrations');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.ts$/.test(name) && !/\.(test|fixtures)\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** The text of every string and template literal in a file, in order. */
function literals(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) texts.push(n.text);
    else if (ts.isTemplateExpression(n)) {
      texts.push(n.head.text);
      for (const span of n.templateSpans) texts.push(span.literal.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return texts;
}

const SQL_TABLE = /\b(?:from|join|into|update)\s+(?:only\s+)?([a-z_][a-z0-9_]*)/gi;

/** file (relative to modules/) → the other modules' tables its SQL names. */
function foreignTables(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const path of sourceFiles(modulesDir)) {
    const rel = relative(modulesDir, path);
    const module = rel.split('/')[0]!;
    const names = new Set<string>();
    for (const text of literals(path))
      for (const m of text.matchAll(SQL_TABLE)) {
        const table = m[1]!.toLowerCase();
        const owner = TABLE_OWNERS[table];
        if (owner && owner !== 'core' && owner !== module && !READ_VIEWS.has(table)) names.add(table);
      }
    if (names.size) found[rel] = [...names].sort();
  }
  return found;
}

describe('cross-module SQL', () => {
  it('every table of the migrations has an owner', () => {
    const created = new Set<string>();
    for (const name of readdirSync(migrations).filter((n) => n.endsWith('.sql')))
      for (const m of readFileSync(join(migrations, name), 'utf8').matchAll(
        /create\s+(?:unlogged\s+)?(?:table|view)\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi,
      ))
        created.add(m[1]!.toLowerCase());
    assert.ok(created.size > 100, `only ${created.size} tables found`);
    assert.deepEqual(
      [...created].filter((t) => !(t in TABLE_OWNERS)),
      [],
    );
  });

  it("no module names another module's table in its SQL, beyond the listed debt", () => {
    const found = foreignTables();
    const unexpected: string[] = [];
    for (const [file, tables] of Object.entries(found))
      for (const t of tables) if (!BY_DESIGN[file]?.includes(t)) unexpected.push(`${file} → ${t}`);
    assert.deepEqual(unexpected, [], 'cross-module SQL: use the owner’s index.ts or a named read view');
  });

  it('catches a join on another module’s table', () => {
    const sql = `select p.full_name from checkins c join persons p on p.id = c.person_id`;
    const tables = [...sql.matchAll(SQL_TABLE)].map((m) => m[1]);
    assert.deepEqual(tables, ['checkins', 'persons']);
    assert.equal(TABLE_OWNERS.persons, 'people');
  });
});
