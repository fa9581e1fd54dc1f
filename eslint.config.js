import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/**
 * Module boundaries (docs/architecture.md): from outside a server module, only its index.ts (its
 * public surface) may be imported; never its repositories, routes or other files. Test fixtures
 * (`*.fixtures.ts`) are the one exception, and only for tests and other fixtures. Written with ESLint's
 * own no-restricted-imports (regex patterns over the import path), so no plugin or resolver is needed.
 */
const serverModules = readdirSync(new URL('./apps/server/src/modules', import.meta.url), {
  withFileTypes: true,
})
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const deepImport = (except) => ({
  // `../<m>/<file>` from a sibling module, or `…/modules/<m>/<file>` from anywhere else.
  regex: `^(?:\\.\\./(?!${except ? `${except}/` : ''})[a-z0-9-]+|(?:\\.{1,2}/)+(?:[a-z0-9-]+/)*modules/[a-z0-9-]+)/(?!index$)(?![a-z0-9.-]*\\.fixtures$).+$`,
  message: "Import another module only through its index.ts (its public surface), e.g. '../people'.",
});
const deepOrFixture = (except) => ({
  regex: `^(?:\\.\\./(?!${except ? `${except}/` : ''})[a-z0-9-]+|(?:\\.{1,2}/)+(?:[a-z0-9-]+/)*modules/[a-z0-9-]+)/(?!index$).+$`,
  message: 'Import another module only through its index.ts (its public surface); fixtures only from tests.',
});
const testFiles = ['**/*.test.ts', '**/*.fixtures.ts', 'apps/server/src/test-support/**'];
const boundaryRules = (except) => [
  {
    files: [except ? `apps/server/src/modules/${except}/**/*.ts` : 'apps/server/src/**/*.ts'],
    ...(except ? {} : { ignores: ['apps/server/src/modules/**'] }),
    rules: { 'no-restricted-imports': ['error', { patterns: [deepOrFixture(except)] }] },
  },
  {
    files: except ? testFiles.map((f) => `apps/server/src/modules/${except}/${f}`) : testFiles,
    ...(except ? {} : { ignores: ['apps/server/src/modules/**'] }),
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImport(except)] }] },
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...boundaryRules(null),
  ...serverModules.flatMap((m) => boundaryRules(m)),
  {
    // The web talks to the server over HTTP only: it shares types through packages/contracts.
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(apps/)?server/src(/|$)',
              message: 'The web imports shapes from @phongdich/contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared packages stay pure: they may not import the apps, I/O or frameworks.
    files: ['packages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/apps/**',
            'fastify',
            'pg',
            '@electric-sql/*',
            'react',
            'node:fs',
            'node:net',
            'node:http',
          ],
        },
      ],
    },
  },
);
