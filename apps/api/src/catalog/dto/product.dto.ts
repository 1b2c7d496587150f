import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import type { CreateProductRequest, UpdateProductRequest } from '@tradecounter/contracts';
import { IsMoney } from '../../common/http/money.validator';
import { PageQueryDto } from '../../common/http/pagination.dto';

export class UpdateProductDto implements UpdateProductRequest {
  @ApiPropertyOptional({ example: 'GLV-NIT-M' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, { message: 'sku must be 2-40 capital letters, digits, ".", "-" or "_"' })
  sku?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(80) category?: string;
  @ApiPropertyOptional({ example: 'box' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(20) unit?: string;
  @ApiPropertyOptional({ example: '12.00' }) @IsOptional() @IsMoney() listPrice?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) minOrderQty?: number;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) orderMultiple?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) @Max(365) leadTimeDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() backorderable?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateProductDto extends UpdateProductDto implements CreateProductRequest {
  @ApiProperty({ example: 'GLV-NIT-M' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, { message: 'sku must be 2-40 capital letters, digits, ".", "-" or "_"' })
  declare sku: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) declare name: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(80) declare category: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20) declare unit: string;
  @ApiProperty({ example: '12.00' }) @IsMoney() declare listPrice: string;
}

export class ProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'SKU prefix or words of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) category?: string;

  @ApiPropertyOptional({ description: 'Admins only: include inactive products' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;
}
