import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateIf } from 'class-validator';
import type { SetContractPriceRequest } from '@tradecounter/contracts';
import { IsIsoDate } from '../../common/http/date.validator';
import { IsMoney } from '../../common/http/money.validator';

export class SetContractPriceDto implements SetContractPriceRequest {
  @ApiProperty({ example: '9.50' }) @IsMoney() unitPrice: string;
  @ApiProperty({ example: '2027-01-01' }) @IsIsoDate() validFrom: string;
  @ApiPropertyOptional({ nullable: true, example: '2027-12-31', description: 'Empty: open-ended' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIsoDate()
  validTo?: string | null;
}

export class ContractPriceSelectorDto {
  @ApiPropertyOptional({ description: 'Delete only the window starting on this date' })
  @IsOptional()
  @IsIsoDate()
  validFrom?: string;
}
