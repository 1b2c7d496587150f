import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { PackOrderRequest } from '@tradecounter/contracts';

export const MAX_PACKAGES = 50;

export class PackageDto {
  @ApiPropertyOptional({ description: 'Kilograms, to the gram', example: 12.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(999_999)
  weightKg?: number;
}

export class PackOrderDto implements PackOrderRequest {
  @ApiProperty({ type: [PackageDto], description: `1 to ${MAX_PACKAGES} parcels, each optionally weighed` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PACKAGES)
  @ValidateNested({ each: true })
  @Type(() => PackageDto)
  packages: PackageDto[];
}
