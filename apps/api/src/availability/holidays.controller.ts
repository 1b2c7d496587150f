import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HolidayList, NamedHoliday, PublicHolidayPreview } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { PublicHolidaysQueryDto } from './dto/public-holidays.dto';
import { HolidayListPipe, HolidayToSave, MAX_HOLIDAY_NAME } from './holiday-list.pipe';
import { HolidaysService } from './holidays.service';
import { PublicHolidaysService } from './public-holidays.service';
import { ApiResult } from '../openapi/api-result';

export const MAX_HOLIDAYS = 2000;

const DATE_ITEM = { type: 'string', format: 'date', example: '2027-03-03' };
const NAMED_ITEM = {
  type: 'object',
  required: ['date'],
  properties: {
    date: DATE_ITEM,
    name: { type: 'string', nullable: true, maxLength: MAX_HOLIDAY_NAME, example: 'Christmas Day' },
  },
};

@ApiTags('availability')
@ApiBearerAuth()
@Controller('calendar')
export class HolidaysController {
  constructor(
    private readonly holidays: HolidaysService,
    private readonly publicHolidays: PublicHolidaysService,
  ) {}

  @Get('holidays')
  @ApiResult('HolidayList')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Non-business days besides weekends, sorted, as dates' })
  list(): Promise<HolidayList> {
    return this.holidays.list();
  }

  @Get('holidays/named')
  @ApiResult('NamedHoliday[]')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary: 'The same holidays as {date, name}, sorted; name is null for a date saved without one',
  })
  named(): Promise<NamedHoliday[]> {
    return this.holidays.named();
  }

  @Put('holidays')
  @ApiResult('HolidayList')
  @Roles('admin')
  @ApiBody({ schema: { type: 'array', maxItems: MAX_HOLIDAYS, items: { oneOf: [DATE_ITEM, NAMED_ITEM] } } })
  @ApiOperation({
    summary:
      'Replace the holiday list (one per date, sorted); answers the dates. Items are dates or {date, name}: ' +
      'a bare date (or no name key) keeps the name the date has, a null or empty name clears it; audited',
  })
  replace(
    @CurrentUser() actor: AuthUser,
    @Body(new HolidayListPipe(MAX_HOLIDAYS)) holidays: HolidayToSave[],
  ): Promise<HolidayList> {
    return this.holidays.replace(actor, holidays);
  }

  @Get('public-holidays')
  @ApiResult('PublicHolidayPreview')
  @Roles('admin')
  @ApiOperation({
    summary:
      "A country's public holidays for a year from the date-holidays library (HOLIDAY_COUNTRY unless `country`), " +
      'weekdays and weekend days apart, to preview before saving them with PUT /api/calendar/holidays',
  })
  preview(@Query() query: PublicHolidaysQueryDto): PublicHolidayPreview {
    return this.publicHolidays.preview(query.year, query.country);
  }
}
