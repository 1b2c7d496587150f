import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import type { RateDeliveryRequest } from '@tradecounter/contracts';
import { MultiLine, OptionalField } from '../../common/http/field-decorators';

export class RateDeliveryDto implements RateDeliveryRequest {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 (poor) to 5 (excellent)' })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @OptionalField()
  @MultiLine()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
