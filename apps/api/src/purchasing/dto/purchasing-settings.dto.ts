import { ApiProperty } from '@nestjs/swagger';
import { Max, Min } from 'class-validator';
import type { PurchasingSettings } from '@tradecounter/contracts';
import { IsDecimalNumber } from '../../common/http/decimal-number.validator';

export class PurchasingSettingsDto implements PurchasingSettings {
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.05,
    description: 'Share of the ordered quantity, 3 decimals',
  })
  @IsDecimalNumber(3)
  @Min(0)
  @Max(1)
  receiptTolerance: number;
}
