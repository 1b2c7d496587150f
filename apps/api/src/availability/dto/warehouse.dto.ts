import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';
import type { CreateWarehouseRequest, UpdateWarehouseRequest } from '@tradecounter/contracts';
import { isValidTimeZone, parseCutoffTime } from '@tradecounter/domain';
import { OptionalField, PartialDto } from '../../common/http/field-decorators';

/** Warehouse codes, as accounts name them: capitals, digits, "-" and "_". */
export const WAREHOUSE_CODE = /^[A-Z0-9_-]{1,20}$/;

function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone like "America/Chicago"`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidTimeZone(value) },
    });
}

function IsCutoffTime(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCutoffTime',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a 24-hour time as HH:MM, from 00:00 to 23:59`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseCutoffTime(value) !== null,
      },
    });
}

export class CreateWarehouseDto implements CreateWarehouseRequest {
  @ApiProperty({ example: 'CHI' })
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'code must be 1-20 capital letters, digits, "-" or "_"' })
  code: string;

  @ApiProperty({ example: 'Chicago DC' }) @IsString() @MinLength(1) @MaxLength(100) name: string;

  @ApiProperty({ example: 'America/Chicago' }) @IsString() @IsTimeZone() timeZone: string;

  @ApiProperty({
    example: '14:00',
    description: 'Local HH:MM; orders at or after it count from the next business day',
  })
  @IsString()
  @IsCutoffTime()
  cutoffTime: string;

  @ApiProperty({ minimum: 0, maximum: 30, description: 'Business days from the order day to dispatch' })
  @IsInt()
  @Min(0)
  @Max(30)
  handlingDays: number;

  @ApiProperty({ minimum: 0, maximum: 60, description: 'Business days from dispatch to delivery' })
  @IsInt()
  @Min(0)
  @Max(60)
  transitDays: number;

  @ApiPropertyOptional({
    description: 'Make this the default warehouse (the previous default stops being it)',
  })
  @OptionalField()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateWarehouseDto
  extends PartialDto(OmitType(CreateWarehouseDto, ['code'] as const))
  implements UpdateWarehouseRequest {}
