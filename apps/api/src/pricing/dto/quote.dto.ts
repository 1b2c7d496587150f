import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';
import type { QuoteRequest } from '@tradecounter/contracts';
import { fastAcceptWithLines, LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { IsIsoDate } from '../../common/http/date.validator';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';

export const MAX_LINES = 500;

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

  @ApiProperty({ type: [LineReferenceDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @NestedArray(() => LineReferenceDto)
  lines: LineReferenceDto[];
}

// A pricing date is left to the full validation.
fastAcceptWithLines(QuoteDto, MAX_LINES);
