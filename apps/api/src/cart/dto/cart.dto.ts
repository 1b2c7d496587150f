import { ApiProperty } from '@nestjs/swagger';
import { Allow, ArrayMaxSize, ArrayMinSize, IsDefined } from 'class-validator';
import type { QuickOrderRequest, SetCartLineRequest } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY, MAX_QUICK_ORDER_ROWS } from '@tradecounter/domain';
import { NestedArray } from '../../common/http/field-decorators';

export class SetCartLineDto implements SetCartLineRequest {
  @ApiProperty({
    minimum: 1,
    maximum: MAX_LINE_QUANTITY,
    description:
      "A whole number of units, at least the product's minimum and in whole packs; otherwise 400 with the reason and a suggestedQuantity",
  })
  // Checked by the pack rules themselves, so the buyer reads their reason, not a validator's.
  @IsDefined()
  quantity: number;
}

/**
 * A quick-order row. Its values are checked row by row in the service, not
 * here: a bad row is reported in the result and the good rows still go in.
 */
export class QuickOrderLineDto {
  @ApiProperty({ example: 'GLV-NIT-M', description: 'Any case' }) @Allow() sku: string;
  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY }) @Allow() quantity: number;
}

export class QuickOrderDto implements QuickOrderRequest {
  @ApiProperty({ type: [QuickOrderLineDto], maxItems: MAX_QUICK_ORDER_ROWS })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUICK_ORDER_ROWS)
  @NestedArray(() => QuickOrderLineDto)
  lines: QuickOrderLineDto[];
}
