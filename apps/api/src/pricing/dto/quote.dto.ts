import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import type { QuoteRequest } from '@tradecounter/contracts';
import { LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { IsIsoDate } from '../../common/http/date.validator';

export const MAX_LINES = 500;

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

  @ApiProperty({ type: [LineReferenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineReferenceDto)
  lines: LineReferenceDto[];
}
