import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '.next/**', '.next-*/**', '.data/**', 'lib/generated/**', 'coverage/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // One way to data: the database is read and written in lib/data only, and the audit log only
  // through writeAudit (lib/data/audit.ts); sessions, sign-in attempts and the second factor are
  // in lib/data/auth.
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.ts'],
    ignores: ['lib/data/**', 'lib/db.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@/lib/db', message: 'Read and write the database through lib/data.' }] }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.ts'],
    ignores: ['lib/data/audit.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(create|createMany|update|updateMany|upsert|delete|deleteMany)$/][callee.object.property.name='auditLog']",
          message: 'Write the audit log with writeAudit (lib/data/audit.ts).',
        },
      ],
    },
  },
];

export default config;
