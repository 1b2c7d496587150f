import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject } from 'class-validator';
import type { SyncRequest } from '@tradecounter/contracts';

/** Rows a sync request may carry: about what the 1 MB JSON body holds. */
export const MAX_SYNC_ROWS = 5_000;

/** `PUT /api/sync/:kind`: rows in the kind's file columns (values as text, numbers or true/false). */
export class SyncRequestDto implements SyncRequest {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: { type: 'string' } },
    minItems: 1,
    maxItems: MAX_SYNC_ROWS,
    example: [{ sku: 'GLV-NIT-M', listPrice: '12.50' }],
    description: "The kind's columns (GET /api/imports/kinds); a field left out is left unchanged",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SYNC_ROWS)
  @IsObject({ each: true, message: 'each item of rows must be an object' })
  rows: Record<string, string>[];
}
