import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import type {
  CreatePriceTierRequest,
  SetFixedPriceRequest,
  UpdatePriceTierRequest,
  VolumeBreakInput,
} from '@tradecounter/contracts';
import { IsMoney } from '../../common/http/money.validator';
import { IsPercent } from '../../common/http/percent.validator';
import { PartialDto } from '../../common/http/field-decorators';

export class CreatePriceTierDto implements CreatePriceTierRequest {
  @ApiProperty({ example: 'Gold' }) @IsString() @MinLength(1) @MaxLength(60) name: string;
  @ApiProperty({ example: '10', description: 'Default discount off list, 0-100' })
  @IsPercent()
  discountPercent: string;
}

export class UpdatePriceTierDto extends PartialDto(CreatePriceTierDto) implements UpdatePriceTierRequest {}

export class VolumeBreakDto implements VolumeBreakInput {
  @ApiPropertyOptional({ nullable: true, description: 'null: tier-wide' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  productId: string | null;

  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1_000_000) minQty: number;
  @ApiProperty({ example: '5' }) @IsPercent() discountPercent: string;
}

export class SetFixedPriceDto implements SetFixedPriceRequest {
  @ApiProperty({ example: '10.50' }) @IsMoney() unitPrice: string;
}
