import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
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
  PURCHASE_ORDER_SORT_FIELDS,
  PURCHASE_ORDER_STATUSES,
  type CancelPurchaseOrderRequest,
  type ClosePurchaseOrderRequest,
  type CreatePurchaseOrderRequest,
  type PurchaseOrderLineRequest,
  type PurchaseOrderQuery,
  type PurchaseOrderSortField,
  type PurchaseOrderStatus,
  type ReceivePurchaseOrderRequest,
  type ReschedulePurchaseLineRequest,
  type SortDirection,
  type UpdatePurchaseOrderRequest,
} from '@tradecounter/contracts';
import { IsIsoDate } from '../../common/http/date.validator';
import { MultiLine, NestedArray, NullableField, OptionalField } from '../../common/http/field-decorators';
import { IsMoney } from '../../common/http/money.validator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { SortDirectionField, SortField } from '../../common/http/sort';
import { MAX_UNITS } from '../../availability/dto/stock.dto';
import { WAREHOUSE_CODE } from '../../availability/dto/warehouse.dto';
import { SUPPLIER_CODE } from './supplier.dto';

export const MAX_PURCHASE_LINES = 200;

export class PurchaseOrderQueryDto extends PageQueryDto implements PurchaseOrderQuery {
  @SortField(PURCHASE_ORDER_SORT_FIELDS, 'createdAt') sort?: PurchaseOrderSortField;
  @SortDirectionField() dir?: SortDirection;

  @ApiPropertyOptional({ enum: PURCHASE_ORDER_STATUSES })
  @OptionalField()
  @IsIn(PURCHASE_ORDER_STATUSES)
  status?: PurchaseOrderStatus;

  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @Matches(SUPPLIER_CODE, { message: 'supplierCode must be a supplier code like "ACME"' })
  supplierCode?: string;

  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode?: string;

  @ApiPropertyOptional() @OptionalField() @IsUUID() productId?: string;

  @ApiPropertyOptional({ description: 'PO number, supplier name or code, or a line SKU' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class PurchaseOrderLineDto implements PurchaseOrderLineRequest {
  @ApiProperty() @IsUUID() productId: string;

  @ApiProperty({ example: 'CHI' })
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode: string;

  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_UNITS) quantity: number;

  @ApiPropertyOptional({ example: '7.20', description: "Default: the product's supply unit cost" })
  @OptionalField()
  @IsMoney()
  unitCost?: string;

  @ApiPropertyOptional({ description: "Default: today + the supplier's lead time, counted when sent" })
  @OptionalField()
  @IsIsoDate()
  expectedDate?: string;
}

export class CreatePurchaseOrderDto implements CreatePurchaseOrderRequest {
  @ApiProperty({ example: 'ACME' })
  @IsString()
  @Matches(SUPPLIER_CODE, { message: 'supplierCode must be a supplier code like "ACME"' })
  supplierCode: string;

  @ApiPropertyOptional() @OptionalField() @MultiLine() @IsString() @MaxLength(2000) notes?: string;

  @ApiProperty({ type: [PurchaseOrderLineDto] })
  @NestedArray(() => PurchaseOrderLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PURCHASE_LINES)
  lines: PurchaseOrderLineDto[];
}

export class UpdatePurchaseOrderDto implements UpdatePurchaseOrderRequest {
  @ApiPropertyOptional({ nullable: true })
  @NullableField()
  @MultiLine()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @ApiPropertyOptional({ type: [PurchaseOrderLineDto] })
  @OptionalField()
  @NestedArray(() => PurchaseOrderLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PURCHASE_LINES)
  lines?: PurchaseOrderLineDto[];
}

class ReceiptLineDto {
  @ApiProperty() @IsUUID() lineId: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_UNITS) quantity: number;
}

export class ReceivePurchaseOrderDto implements ReceivePurchaseOrderRequest {
  @ApiProperty({ type: [ReceiptLineDto] })
  @NestedArray(() => ReceiptLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PURCHASE_LINES)
  lines: ReceiptLineDto[];
}

export class ClosePurchaseOrderDto implements ClosePurchaseOrderRequest {
  @ApiPropertyOptional({ description: 'Default: every line with open units' })
  @OptionalField()
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  @ArrayMaxSize(MAX_PURCHASE_LINES)
  lineIds?: string[];

  @ApiProperty() @MultiLine() @IsString() @MinLength(1) @MaxLength(500) reason: string;
}

export class CancelPurchaseOrderDto implements CancelPurchaseOrderRequest {
  @ApiProperty() @MultiLine() @IsString() @MinLength(1) @MaxLength(500) reason: string;
}

export class ReschedulePurchaseLineDto implements ReschedulePurchaseLineRequest {
  @ApiProperty({ example: '2027-03-12' }) @IsIsoDate() expectedDate: string;

  @ApiPropertyOptional() @OptionalField() @MultiLine() @IsString() @MaxLength(500) reason?: string;
}
