import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { QuoteLineRequest, QuoteRequest } from '@tradecounter/contracts';
import { IsIsoDate } from '../../common/http/date.validator';

export const MAX_LINES = 500;

export class QuoteLineDto implements QuoteLineRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() productId?: string;
  @ApiPropertyOptional({ example: 'GLV-NIT-M' })
  @IsOptional()
  @IsString()
  @Matches(/^\S{1,40}$/)
  sku?: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1_000_000) quantity: number;
}

export class QuoteDto implements QuoteRequest {
  @ApiPropertyOptional({
    description: 'Staff: the account to price for; customers always price for their own',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: '2027-03-01', description: 'Pricing date; default today' })
  @IsOptional()
  @IsIsoDate()
  date?: string;

  @ApiProperty({ type: [QuoteLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => QuoteLineDto)
  lines: QuoteLineDto[];
}
