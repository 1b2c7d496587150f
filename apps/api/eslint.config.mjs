import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // DTOs mark optional and nested fields through common/http/field-decorators.ts only:
    // the library's own decorators let null, and arrays where objects belong, through.
    files: ['**/*.ts'],
    ignores: ['**/common/http/field-decorators.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional', 'ValidateNested'],
              message:
                'Use OptionalField/NullableField/NestedObject/NestedArray from common/http/field-decorators.',
            },
            {
              name: '@nestjs/swagger',
              importNames: ['PartialType'],
              message: 'Use PartialDto from common/http/field-decorators (PartialType lets null through).',
            },
          ],
        },
      ],
    },
  },
];
