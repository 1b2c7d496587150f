import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HolidayList } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { DateListPipe } from '../common/http/date-list.pipe';
import { HolidaysService } from './holidays.service';

export const MAX_HOLIDAYS = 2000;

@ApiTags('availability')
@ApiBearerAuth()
@Controller('calendar/holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'Non-business days besides weekends, sorted' })
  list(): Promise<HolidayList> {
    return this.holidays.list();
  }

  @Put()
  @Roles('admin')
  @ApiBody({ schema: { type: 'array', items: { type: 'string', format: 'date', example: '2027-03-03' } } })
  @ApiOperation({ summary: 'Replace the holiday list (deduplicated and sorted); audited' })
  replace(
    @CurrentUser() actor: AuthUser,
    @Body(new DateListPipe(MAX_HOLIDAYS)) dates: string[],
  ): Promise<HolidayList> {
    return this.holidays.replace(actor, dates);
  }
}
