import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { CreateAddressRequest } from '@tradecounter/contracts';
import { NullableField } from '../../common/http/field-decorators';

export class CreateAddressDto implements CreateAddressRequest {
  @ApiProperty({ example: 'Main warehouse' }) @IsString() @MinLength(1) @MaxLength(80) label: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) line1: string;
  @ApiPropertyOptional({ nullable: true })
  @NullableField()
  @IsString()
  @MaxLength(200)
  line2?: string | null;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) city: string;
  @ApiPropertyOptional({ nullable: true })
  @NullableField()
  @IsString()
  @MaxLength(100)
  region?: string | null;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20) postcode: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter ISO code such as "US"' })
  country: string;
}
