import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
} from 'class-validator';
import {
  type CreateStandingOrderRequest,
  type IsoWeekday,
  type SkipStandingOrderRunRequest,
  STANDING_ORDER_STATUSES,
  type StandingOrderSchedule,
  type StandingOrderStatus,
  type UnskipStandingOrderRunRequest,
  type UpdateStandingOrderRequest,
} from '@tradecounter/contracts';
import { MAX_CART_LINES, MAX_DAY_OF_MONTH, MAX_WEEK_INTERVAL } from '@tradecounter/domain';
import { LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { IsIsoDate } from '../../common/http/date.validator';
import { NestedArray, NestedObject, NullableField, OptionalField } from '../../common/http/field-decorators';
import { PageQueryDto } from '../../common/http/pagination.dto';

const NAME = /\S/;

/** 1–28, or "last". */
function IsDayOfMonth() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDayOfMonth',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be 1 to ${MAX_DAY_OF_MONTH}, or "last"` },
      validator: {
        validate: (value: unknown) =>
          value === 'last' ||
          (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DAY_OF_MONTH),
      },
    });
}

export class StandingOrderScheduleDto implements StandingOrderSchedule {
  @ApiProperty({ enum: ['week', 'month'] })
  @IsIn(['week', 'month'])
  every: 'week' | 'month';

  @ApiProperty({
    minimum: 1,
    maximum: MAX_WEEK_INTERVAL,
    description: 'Every N weeks (1–52) or months (1–12)',
  })
  @IsInt()
  @Min(1)
  @Max(MAX_WEEK_INTERVAL)
  interval: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 7,
    description: 'Weekly: ISO weekday, 1 = Monday … 7 = Sunday',
  })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: IsoWeekday;

  @ApiPropertyOptional({
    oneOf: [
      { type: 'integer', minimum: 1, maximum: MAX_DAY_OF_MONTH },
      { type: 'string', enum: ['last'] },
    ],
    description: 'Monthly: the day (1–28), or "last" for the last day of the month',
  })
  @OptionalField()
  @IsDayOfMonth()
  dayOfMonth?: number | 'last';
}

export class CreateStandingOrderDto implements CreateStandingOrderRequest {
  @ApiPropertyOptional({
    description: 'Internal users: the account; customer users always order for their own',
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: 'Weekly restock', default: 'Standing order' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  @Matches(NAME, { message: 'name must not be empty' })
  name?: string;

  @ApiProperty({
    type: [LineReferenceDto],
    description: 'What every run orders: orderable now, one line per product',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CART_LINES)
  @NestedArray(() => LineReferenceDto)
  lines: LineReferenceDto[];

  @ApiProperty({ description: "One of the account's shipping addresses" })
  @IsUUID()
  shippingAddressId: string;

  @ApiPropertyOptional({
    example: 'SO-{yyyy}{mm}{dd}',
    nullable: true,
    description: 'The PO number of each run’s order; {yyyy} {yy} {mm} {dd} are the run date’s',
  })
  @NullableField()
  @IsString()
  @MaxLength(50)
  poPattern?: string | null;

  @ApiProperty({ type: StandingOrderScheduleDto })
  @NestedObject(() => StandingOrderScheduleDto)
  schedule: StandingOrderScheduleDto;

  @ApiPropertyOptional({ example: '2027-03-01', description: 'No run before it; default today' })
  @OptionalField()
  @IsIsoDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2027-12-31', nullable: true, description: 'No run after it' })
  @NullableField()
  @IsIsoDate()
  endDate?: string | null;
}

export class UpdateStandingOrderDto implements UpdateStandingOrderRequest {
  @ApiPropertyOptional({ example: 'Weekly restock' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  @Matches(NAME, { message: 'name must not be empty' })
  name?: string;

  @ApiPropertyOptional({ type: [LineReferenceDto], description: 'Replaces every line' })
  @OptionalField()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CART_LINES)
  @NestedArray(() => LineReferenceDto)
  lines?: LineReferenceDto[];

  @ApiPropertyOptional()
  @OptionalField()
  @IsUUID()
  shippingAddressId?: string;

  @ApiPropertyOptional({ example: 'SO-{yyyy}{mm}{dd}', nullable: true })
  @NullableField()
  @IsString()
  @MaxLength(50)
  poPattern?: string | null;

  @ApiPropertyOptional({ type: StandingOrderScheduleDto })
  @OptionalField()
  @NestedObject(() => StandingOrderScheduleDto)
  schedule?: StandingOrderScheduleDto;

  @ApiPropertyOptional({ example: '2027-03-01' })
  @OptionalField()
  @IsIsoDate()
  startDate?: string;

  @ApiPropertyOptional({ example: '2027-12-31', nullable: true })
  @NullableField()
  @IsIsoDate()
  endDate?: string | null;

  @ApiPropertyOptional({
    enum: STANDING_ORDER_STATUSES,
    description: 'paused: no runs (until resumeOn, if given)',
  })
  @OptionalField()
  @IsIn(STANDING_ORDER_STATUSES)
  status?: StandingOrderStatus;

  @ApiPropertyOptional({
    example: '2027-04-01',
    nullable: true,
    description: 'Paused only: active again from this day',
  })
  @NullableField()
  @IsIsoDate()
  resumeOn?: string | null;
}

export class SkipRunDto implements SkipStandingOrderRunRequest {
  @ApiPropertyOptional({
    example: '2027-03-08',
    description: 'A future run date of the schedule; default the next run',
  })
  @OptionalField()
  @IsIsoDate()
  runDate?: string;
}

export class UnskipRunDto implements UnskipStandingOrderRunRequest {
  @ApiProperty({ example: '2027-03-08', description: 'A skipped future run date' })
  @IsIsoDate()
  runDate: string;
}

export class StandingOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Internal users: one account’s standing orders' })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ enum: STANDING_ORDER_STATUSES })
  @OptionalField()
  @IsIn(STANDING_ORDER_STATUSES)
  status?: StandingOrderStatus;
}
