import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { OptionalField } from '../../common/http/field-decorators';

export const BUY_AGAIN_DEFAULT = 12;
export const BUY_AGAIN_MAX = 50;

export class BuyAgainQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: BUY_AGAIN_MAX, default: BUY_AGAIN_DEFAULT })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(BUY_AGAIN_MAX)
  limit?: number;
}
