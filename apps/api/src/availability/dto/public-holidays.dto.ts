import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { OptionalField } from '../../common/http/field-decorators';

export class PublicHolidaysQueryDto {
  @ApiProperty({ example: 2027, minimum: 1970, maximum: 2200 })
  @Type(() => Number)
  @IsInt()
  @Min(1970)
  @Max(2200)
  year: number;

  @ApiPropertyOptional({
    example: 'US',
    description: 'ISO 3166-1 alpha-2; the configured HOLIDAY_COUNTRY when absent',
  })
  @OptionalField()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be two capital letters, e.g. US' })
  country?: string;
}
