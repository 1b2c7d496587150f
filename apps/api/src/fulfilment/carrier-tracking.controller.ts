import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Injectable,
  Param,
  PipeTransform,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CarrierTracking } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, INTERNAL, Roles } from '../auth/decorators';
import { badRequest } from '../common/http/problem';
import { CARRIER_NAME, CarrierTrackingService } from './carrier-tracking.service';
import { SetCarrierTrackingDto } from './dto/carrier-tracking.dto';
import { ApiEmptyResult, ApiResult } from '../openapi/api-result';

/** A path segment that cannot be a carrier's name is a bad request. */
@Injectable()
export class CarrierNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CARRIER_NAME.test(value)) {
      throw badRequest('A carrier is named by 1–60 characters, not starting or ending with a space', [
        { field: 'carrier', message: 'must be 1–60 characters, not starting or ending with a space' },
      ]);
    }
    return value;
  }
}

@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller('carrier-tracking')
export class CarrierTrackingController {
  constructor(private readonly tracking: CarrierTrackingService) {}

  @Get()
  @ApiResult('CarrierTracking[]')
  @Roles(...INTERNAL)
  @ApiOkResponse({ description: 'Every carrier with a tracking page, by name' })
  @ApiOperation({
    summary: "Carriers' tracking page URL templates (a shipment's tracking number links through them)",
  })
  list(): Promise<CarrierTracking[]> {
    return this.tracking.list();
  }

  @Put(':carrier')
  @ApiResult('CarrierTracking')
  @Roles('admin')
  @ApiOkResponse({ description: 'The carrier with its template' })
  @ApiOperation({
    summary:
      "Set a carrier's tracking page: an http(s) URL template with {trackingNumber} (matched to shipments case-insensitively); audited",
  })
  set(
    @CurrentUser() actor: AuthUser,
    @Param('carrier', CarrierNamePipe) carrier: string,
    @Body() body: SetCarrierTrackingDto,
  ): Promise<CarrierTracking> {
    return this.tracking.set(actor, carrier, body.urlTemplate);
  }

  @Delete(':carrier')
  @ApiEmptyResult()
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Removed: the carrier's tracking numbers show as plain text" })
  @ApiOperation({ summary: "Remove a carrier's tracking page; audited" })
  remove(@CurrentUser() actor: AuthUser, @Param('carrier', CarrierNamePipe) carrier: string): Promise<void> {
    return this.tracking.remove(actor, carrier);
  }
}
