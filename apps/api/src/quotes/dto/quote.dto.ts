import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  type AcceptSalesQuoteRequest,
  type CreateSalesQuoteRequest,
  type QuoteSalesQuoteRequest,
  type RequestSalesQuoteChangesRequest,
  SALES_QUOTE_SORT_FIELDS,
  SALES_QUOTE_STATUSES,
  type SalesQuoteQuery,
  type SalesQuoteReasonRequest,
  type SalesQuoteSortField,
  type SalesQuoteStatus,
  type SortDirection,
} from '@tradecounter/contracts';
import { LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { IsIsoDate } from '../../common/http/date.validator';
import { MultiLine, NestedArray, OptionalField } from '../../common/http/field-decorators';
import { IsMoney } from '../../common/http/money.validator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { SortDirectionField, SortField } from '../../common/http/sort';

export const MAX_QUOTE_LINES = 200;

export class CreateQuoteDto implements CreateSalesQuoteRequest {
  @ApiPropertyOptional({
    description:
      'Account managers: the account to ask for (one of theirs); customers always ask for their own',
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiProperty({ type: [LineReferenceDto], description: '1–200 lines, one per product, in whole packs' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUOTE_LINES)
  @NestedArray(() => LineReferenceDto)
  lines: LineReferenceDto[];

  @ApiPropertyOptional({
    example: '2027-03-12',
    description: 'When the buyer would like delivery; not in the past',
  })
  @OptionalField()
  @IsIsoDate()
  requestedDate?: string;

  @ApiPropertyOptional({ description: 'What the buyer wants the seller to know' })
  @OptionalField()
  @MultiLine()
  @IsString()
  @MaxLength(2000)
  message?: string;
}

export class QuoteLinePriceDto {
  @ApiProperty({ description: 'A product on the quote' })
  @IsUUID()
  productId: string;

  @ApiProperty({ example: '12.50', description: 'The quoted unit price (0 or more)' })
  @IsMoney()
  unitPrice: string;
}

export class QuotePricesDto implements QuoteSalesQuoteRequest {
  @ApiPropertyOptional({
    example: '2027-03-31',
    description: 'The last day the prices hold (to the end of that day); default 30 days from today',
  })
  @OptionalField()
  @IsIsoDate()
  validUntil?: string;

  @ApiProperty({ type: [QuoteLinePriceDto], description: 'One price for each line of the quote' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUOTE_LINES)
  @NestedArray(() => QuoteLinePriceDto)
  lines: QuoteLinePriceDto[];
}

export class AcceptQuoteDto implements AcceptSalesQuoteRequest {
  @ApiProperty({ minimum: 1, description: 'The revision accepted: it must be the latest' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  revision: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'Accept only these lines of the revision (the rest lapse)',
  })
  @OptionalField()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUOTE_LINES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  lineIds?: string[];

  @ApiProperty({ description: "One of the account's shipping addresses" })
  @IsUUID()
  shippingAddressId: string;

  @ApiPropertyOptional({ description: 'Required when the account requires a PO number' })
  @OptionalField()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  poNumber?: string;

  @ApiProperty({ description: 'Ship everything together or as available' })
  @IsBoolean()
  shipComplete: boolean;

  @ApiPropertyOptional({ example: '1234.50', description: 'The subtotal the buyer saw; if it differs, 409' })
  @OptionalField()
  @IsMoney()
  expectedSubtotal?: string;
}

export class AcceptQuoteQueryDto {
  @ApiPropertyOptional({
    description: 'true: the order preview (fresh promise, approval or credit outcome); nothing is written',
  })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class QuoteChangesDto implements RequestSalesQuoteChangesRequest {
  @ApiProperty({ description: 'What the buyer would like changed' })
  @MultiLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  message: string;
}

export class QuoteReasonDto implements SalesQuoteReasonRequest {
  @ApiProperty({ description: 'Why; kept in the quote history' })
  @MultiLine()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class QuoteListQueryDto extends PageQueryDto implements SalesQuoteQuery {
  @ApiPropertyOptional({ enum: SALES_QUOTE_STATUSES })
  @OptionalField()
  @IsIn(SALES_QUOTE_STATUSES)
  status?: SalesQuoteStatus;

  @ApiPropertyOptional({ description: "Staff: one account's quotes (customers always see only their own)" })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @SortField(SALES_QUOTE_SORT_FIELDS, 'createdAt')
  sort?: SalesQuoteSortField;

  @SortDirectionField()
  dir?: SortDirection;
}

export class QuoteRevisionQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'An earlier revision to show (default the latest)' })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  revision?: number;
}
