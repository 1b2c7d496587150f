import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SetContractPriceRequest } from '@tradecounter/contracts';
import { IsIsoDate } from '../../common/http/date.validator';
import { IsMoney } from '../../common/http/money.validator';
import { NullableField, OptionalField } from '../../common/http/field-decorators';

export class SetContractPriceDto implements SetContractPriceRequest {
  @ApiProperty({ example: '9.50' }) @IsMoney() unitPrice: string;
  @ApiProperty({ example: '2027-01-01' }) @IsIsoDate() validFrom: string;
  @ApiPropertyOptional({ nullable: true, example: '2027-12-31', description: 'Empty: open-ended' })
  @NullableField()
  @IsIsoDate()
  validTo?: string | null;
}

export class ContractPriceSelectorDto {
  @ApiPropertyOptional({ description: 'Delete only the window starting on this date' })
  @OptionalField()
  @IsIsoDate()
  validFrom?: string;
}
