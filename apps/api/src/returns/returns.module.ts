import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrdersModule } from '../orders/orders.module';
import { CreditNotesController } from './credit-notes.controller';
import { CreditNotesRepository } from './credit-notes.repository';
import { CreditNotesService } from './credit-notes.service';
import { ReturnAccess } from './return-access';
import { ReturnPhotosController } from './return-photos.controller';
import { ReturnPhotosService } from './return-photos.service';
import { ReturnReceivingService } from './return-receiving.service';
import { ReturnSettingsController } from './return-settings.controller';
import { ReturnSettingsService } from './return-settings.service';
import { ReturnableController } from './returnable.controller';
import { ReturnsController } from './returns.controller';
import { ReturnsRepository } from './returns.repository';
import { ReturnsService } from './returns.service';

/**
 * Returns (RMA) and credit notes: requests, decisions, receipts (restock
 * through availability's receiving path, replacements through ordering's
 * placement), credit notes (lowering the account's exposure through
 * OrdersService), return settings. ReturnsService.get and
 * CreditNotesService.get are exported for the documents (PDFs).
 */
@Module({
  imports: [AvailabilityModule, NotificationsModule, OrdersModule],
  controllers: [
    ReturnsController,
    ReturnPhotosController,
    CreditNotesController,
    ReturnSettingsController,
    ReturnableController,
  ],
  providers: [
    ReturnsRepository,
    CreditNotesRepository,
    ReturnAccess,
    ReturnsService,
    ReturnReceivingService,
    CreditNotesService,
    ReturnSettingsService,
    ReturnPhotosService,
  ],
  exports: [ReturnsService, CreditNotesService, ReturnSettingsService],
})
export class ReturnsModule {}
