import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The routes of these modules (in any of their files, not only *.routes.ts) validate and serialize with the schemas in packages/contracts, the same
 * ones the web derives its types from: a schema written in a route file (inline or as a local
 * constant) would let the server's answer and the web's expectation drift apart, and fails here.
 * A bare `Type.String()` (a CSV or PDF body) or `Type.Null()` (an empty answer) names no shape and may
 * stay inline.
 */
const src = new URL('.', import.meta.url).pathname;
const MODULES = [
  'accounts',
  'audit',
  'cases',
  'certificates',
  'checkins',
  'declarations',
  'figures',
  'geo',
  'health',
  'keys',
  'lab',
  'outbox',
  'people',
  'personal-qr',
  'results',
  'sampling',
  'scan',
  'status',
  'tracing',
  'vaccination',
  'venues',
  'worklist',
];
const SCHEMA_KEYS = new Set(['body', 'querystring', 'params', 'headers', 'response']);

function routeFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) routeFiles(p, out);
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** Names a file imports from @phongdich/contracts/*: bindings and namespaces. */
function contractBindings(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    if (!s.moduleSpecifier.text.startsWith('@phongdich/contracts')) continue;
    const b = s.importClause?.namedBindings;
    if (b && ts.isNamespaceImport(b)) names.add(b.name.text);
    if (b && ts.isNamedImports(b)) for (const e of b.elements) names.add(e.name.text);
  }
  return names;
}

const bareType = (n: ts.Node) =>
  ts.isCallExpression(n) &&
  n.arguments.length === 0 &&
  ts.isPropertyAccessExpression(n.expression) &&
  ts.isIdentifier(n.expression.expression) &&
  n.expression.expression.text === 'Type' &&
  ['String', 'Null'].includes(n.expression.name.text);

/** What in one schema value does not come from the contracts. */
function foreign(value: ts.Expression, shared: Set<string>, file: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (bareType(n)) return;
    if (ts.isCallExpression(n)) {
      found.push(n.getText(file).slice(0, 60));
      return;
    }
    if (ts.isPropertyAccessExpression(n)) {
      const root = n.expression;
      if (!(ts.isIdentifier(root) && shared.has(root.text))) found.push(n.getText(file));
      return;
    }
    if (ts.isIdentifier(n)) {
      if (!shared.has(n.text)) found.push(n.text);
      return;
    }
    if (ts.isPropertyAssignment(n)) return visit(n.initializer);
    if (ts.isShorthandPropertyAssignment(n)) return visit(n.name);
    ts.forEachChild(n, visit);
  };
  visit(value);
  return found;
}

describe('route schemas come from packages/contracts', () => {
  it('no route file of these modules writes its own request or response schema', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const m of MODULES) {
      for (const path of routeFiles(join(src, 'modules', m))) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
        const shared = contractBindings(file);
        const visit = (n: ts.Node): void => {
          if (
            ts.isPropertyAssignment(n) &&
            ts.isIdentifier(n.name) &&
            n.name.text === 'schema' &&
            ts.isObjectLiteralExpression(n.initializer)
          ) {
            checked++;
            for (const p of n.initializer.properties) {
              if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || !SCHEMA_KEYS.has(p.name.text))
                continue;
              for (const f of foreign(p.initializer, shared, file))
                problems.push(`${path.slice(src.length)}: ${p.name.text} uses ${f}`);
            }
          }
          ts.forEachChild(n, visit);
        };
        visit(file);
      }
    }
    assert.ok(checked > 40, `only ${checked} route schemas found`);
    assert.deepEqual(problems, []);
  });
});
