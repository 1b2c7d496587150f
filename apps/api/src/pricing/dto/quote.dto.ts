import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';
import type { QuoteRequest } from '@tradecounter/contracts';
import { acceptLineReferences, LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { fastAccept, instanceOf, optionalUuid, plainObjectWithin } from '../../common/http/fast-accept';
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

const QUOTE_FIELDS: ReadonlySet<string> = new Set(['accountId', 'lines']);

// A pricing date is left to the full validation.
fastAccept(QuoteDto, (body) => {
  if (!plainObjectWithin(body, QUOTE_FIELDS) || !optionalUuid(body['accountId'])) return undefined;
  const lines = acceptLineReferences(body['lines'], MAX_LINES);
  return lines && instanceOf(QuoteDto, { ...body, lines });
});
