import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  type CaseBarcode,
  type CreateProductRequest,
  MAX_PAGE_SIZE,
  PRODUCT_SORT_FIELDS,
  type ProductSortField,
  type SortDirection,
  type UpdateProductRequest,
} from '@tradecounter/contracts';
import {
  fastAccept,
  instanceOf,
  optionalFlag,
  optionalUuid,
  optionalWholeNumber,
  queryWithin,
} from '../../common/http/fast-accept';
import { IsMoney } from '../../common/http/money.validator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import {
  MultiLine,
  NestedArray,
  NullableField,
  OptionalField,
  PartialDto,
} from '../../common/http/field-decorators';
import { SortDirectionField, SortField } from '../../common/http/sort';

const SKU = /^[A-Z0-9][A-Z0-9._-]{1,39}$/;

const BARCODE = /^[\x21-\x7e]{1,40}$/;

export class CaseBarcodeDto implements CaseBarcode {
  @ApiProperty({ example: '10012345678902' })
  @IsString()
  @Matches(BARCODE, { message: 'code must be 1–40 visible characters, no spaces' })
  code: string;

  @ApiProperty({ minimum: 2, example: 12, description: 'Units in the case' })
  @IsInt()
  @Min(2)
  @Max(100_000)
  qty: number;
}

export class CreateProductDto implements CreateProductRequest {
  @ApiProperty({ example: 'GLV-NIT-M' })
  @IsString()
  @Matches(SKU, { message: 'sku must be 2-40 capital letters, digits, ".", "-" or "_"' })
  sku: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;

  @ApiPropertyOptional({ nullable: true })
  @NullableField()
  @MultiLine()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(80) category: string;
  @ApiProperty({ example: 'box' }) @IsString() @MinLength(1) @MaxLength(20) unit: string;
  @ApiProperty({ example: '12.00' }) @IsMoney() listPrice: string;
  @ApiPropertyOptional({ minimum: 1, description: 'On create, one pack (orderMultiple) when not given' })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minOrderQty?: number;
  @ApiPropertyOptional({ minimum: 1, description: 'On create, 1 when not given' })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  orderMultiple?: number;
  @ApiPropertyOptional({ minimum: 0 }) @OptionalField() @IsInt() @Min(0) @Max(365) leadTimeDays?: number;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() backorderable?: boolean;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() active?: boolean;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 3650,
    description: 'Days after delivery a return may be asked; 0 = not returnable; null = the default window',
  })
  @NullableField()
  @IsInt()
  @Min(0)
  @Max(3650)
  returnWindowDays?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0012345678905',
    description:
      'The unit’s barcode (1–40 visible characters); null clears it; unique among SKUs and barcodes (409)',
  })
  @NullableField()
  @IsString()
  @Matches(BARCODE, { message: 'barcode must be 1–40 visible characters, no spaces' })
  barcode?: string | null;

  @ApiPropertyOptional({
    type: [CaseBarcodeDto],
    description:
      'Replaces the case barcodes: each a code (unique among SKUs and barcodes) and the units a case holds (2 or more)',
  })
  @OptionalField()
  @ArrayMaxSize(20)
  @NestedArray(() => CaseBarcodeDto)
  caseBarcodes?: CaseBarcodeDto[];
}

export class UpdateProductDto extends PartialDto(CreateProductDto) implements UpdateProductRequest {}

export class ProductPricingQueryDto {
  @ApiPropertyOptional({
    description: "Staff: show this account's prices. Customer users always see their own.",
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;
}

export class ProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: "Staff: show this account's prices. Customer users always see their own.",
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'SKU prefix or words of the name' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(80) category?: string;

  @ApiPropertyOptional({ description: 'Admins only: include inactive products' })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: 'false: leave out availability (a product list that only manages the catalog needs none)',
  })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  availability?: boolean;

  @SortField(PRODUCT_SORT_FIELDS, 'sku')
  sort?: ProductSortField;

  @SortDirectionField()
  dir?: SortDirection;

  @ApiPropertyOptional({
    description: "true: only products with units available now at the account's (or the default) warehouse",
  })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  inStock?: boolean;

  @ApiPropertyOptional({
    description:
      'Customer users, true: only products their own account has ordered (cancelled and rejected orders aside)',
  })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  boughtBefore?: boolean;
}

const PLAIN_PAGE_QUERY = new Set(['page', 'pageSize', 'availability', 'accountId']);

// The catalog page is the most requested route: its usual query (a page, a size, availability,
// staff's account) skips class-validator; anything else, sorting and filters included, takes the
// full validation (fast-accept.spec.ts holds the two to the same answers).
fastAccept(ProductQueryDto, (query) => {
  if (!queryWithin(query, PLAIN_PAGE_QUERY)) return undefined;
  const page = optionalWholeNumber(query['page'], 1_000_000);
  const pageSize = optionalWholeNumber(query['pageSize'], MAX_PAGE_SIZE);
  const availability = optionalFlag(query['availability']);
  if (page === null || pageSize === null || availability === null) return undefined;
  if (!optionalUuid(query['accountId'])) return undefined;
  return instanceOf(ProductQueryDto, {
    ...(page === undefined ? {} : { page }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(availability === undefined ? {} : { availability }),
    ...(query['accountId'] === undefined ? {} : { accountId: query['accountId'] }),
  });
});
