import { Inject, Injectable } from '@nestjs/common';
import Holidays from 'date-holidays';
import type { PublicHolidayPreview } from '@tradecounter/contracts';
import { publicHolidaysToSave } from '@tradecounter/domain';
import { badRequest } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** A country's public holidays for a year, from the maintained date-holidays library, to preview before saving. */
@Injectable()
export class PublicHolidaysService {
  private readonly countries: Record<string, string> = new Holidays().getCountries('en');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  preview(year: number, country: string = this.config.holidayCountry): PublicHolidayPreview {
    const countryName = this.countries[country];
    if (!countryName)
      throw badRequest(`No holiday rules for the country "${country}"`, [
        {
          field: 'country',
          message: 'must be an ISO 3166-1 alpha-2 country code the holiday library knows, e.g. US',
        },
      ]);
    const library = new Holidays(country, { types: ['public'] });
    const candidates = library
      .getHolidays(year, 'en')
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }));
    return { country, countryName, year, ...publicHolidaysToSave(candidates) };
  }
}
