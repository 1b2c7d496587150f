import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type { QuoteLineRequest, QuoteRequest } from '@tradecounter/contracts';
import { IsIsoDate } from '../../common/http/date.validator';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';

export const MAX_LINES = 500;

export class QuoteLineDto implements QuoteLineRequest {
  @ApiPropertyOptional() @OptionalField() @IsUUID() productId?: string;
  @ApiPropertyOptional({ example: 'GLV-NIT-M' })
  @OptionalField()
  @IsString()
  @Matches(/^\S{1,40}$/)
  sku?: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1_000_000) quantity: number;
}

export class QuoteDto implements QuoteRequest {
  @ApiPropertyOptional({
    description: 'Staff: the account to price for; customers always price for their own',
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: '2027-03-01', description: 'Pricing date; default today' })
  @OptionalField()
  @IsIsoDate()
  date?: string;

  @ApiProperty({ type: [QuoteLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @NestedArray(() => QuoteLineDto)
  lines: QuoteLineDto[];
}
