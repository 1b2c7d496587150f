import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReturnSettings } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { ReturnSettingsDto } from './dto/return.dto';
import { ReturnSettingsService } from './return-settings.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('returns')
@ApiBearerAuth()
@Controller('return-settings')
export class ReturnSettingsController {
  constructor(private readonly settings: ReturnSettingsService) {}

  @Get()
  @ApiResult('ReturnSettings')
  @Roles(...ANY_ROLE)
  @ApiOperation({ summary: 'The restocking fee per reason and the default return window (days)' })
  get(): Promise<ReturnSettings> {
    return this.settings.get();
  }

  @Put()
  @ApiResult('ReturnSettings')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the restocking fees (0–100 %) and the default return window; audited' })
  put(@CurrentUser() actor: AuthUser, @Body() body: ReturnSettingsDto): Promise<ReturnSettings> {
    return this.settings.put(actor, body);
  }
}
