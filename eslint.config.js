// One style for the tree (issue 11). Rules that encode DESIGN.md: domain code does no I/O, services import
// only the kernel and contracts, no floating promises, no `any` in src/. Formatting is Prettier's job.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const SERVICES = ['identity', 'catalog', 'prescriptions', 'inventory', 'orders', 'delivery', 'audit', 'notifications']
const IO_MODULES = [
  'fastify',
  'pg',
  'pg-copy-streams',
  '@electric-sql/*',
  '@platformatic/kafka',
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
  '@aws-sdk/*',
  'nodemailer',
  'stripe',
]

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '.tmp/**',
      '.apotheca/**',
      '**/dist/**',
      'scripts/services/kafka/**',
      'apps/web/.next/**',
      'packages/client/src/schema.d.ts',
      // A copy of the outside acceptance check, kept as it was written there.
      'apps/server/test/acceptance/walkthrough.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  { files: ['**/src/**/*.ts'], ignores: ['**/*.test.ts'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  // One rule, two pattern groups: a later block would replace an earlier one's patterns, not add to them.
  ...SERVICES.flatMap((service) => {
    const boundary = {
      group: SERVICES.filter((s) => s !== service).flatMap((s) => [
        `@apotheca/${s}`,
        `@apotheca/${s}/*`,
        `**/services/${s}/**`,
        `../../${s}/**`,
        `../../../${s}/**`,
      ]),
      message: 'a service imports only @apotheca/kernel and @apotheca/contracts (DESIGN.md)',
    }
    const pure = { group: IO_MODULES, message: 'domain code is pure: no I/O (DESIGN.md); do it in application/ or db/' }
    return [
      { files: [`services/${service}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns: [boundary] }] } },
      {
        files: [`services/${service}/src/domain/**/*.ts`],
        ignores: ['**/*.test.ts'],
        rules: { 'no-restricted-imports': ['error', { patterns: [boundary, pure] }] },
      },
    ]
  }),
  // Plain JavaScript (scripts, the acceptance walkthrough) is linted without type information.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
)
