import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsNumber, Max, Min } from 'class-validator';
import type { PackOrderRequest } from '@tradecounter/contracts';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';

export const MAX_PACKAGES = 50;

export class PackageDto {
  @ApiPropertyOptional({ description: 'Kilograms, to the gram', example: 12.5 })
  @OptionalField()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(999_999)
  weightKg?: number;
}

export class PackOrderDto implements PackOrderRequest {
  @ApiProperty({ type: [PackageDto], description: `1 to ${MAX_PACKAGES} parcels, each optionally weighed` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PACKAGES)
  @NestedArray(() => PackageDto)
  packages: PackageDto[];
}
