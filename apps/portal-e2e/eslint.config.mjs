import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  { ignores: ['artifacts/**'] },
  {
    // Journeys use support.ts's `test`: it runs axe-core on every page they visit.
    files: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: "Import `test` from './support' (it checks every visited page with axe-core).",
            },
          ],
        },
      ],
    },
  },
];
