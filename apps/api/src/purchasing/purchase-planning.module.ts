import { Module } from '@nestjs/common';
import { DraftWriter } from './draft-writer';
import { PurchasingModule } from './purchasing.module';
import { ShortfallController } from './shortfall.controller';
import { ShortfallRepository } from './shortfall.repository';
import { ShortfallService } from './shortfall.service';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsRepository } from './suggestions.repository';
import { SuggestionsService } from './suggestions.service';

/**
 * Deciding what to buy: the shortfall (demand nothing covers) and the
 * replenishment suggestions, each drafting purchase orders through
 * PurchasingModule's PurchaseOrdersService.
 */
@Module({
  imports: [PurchasingModule],
  controllers: [ShortfallController, SuggestionsController],
  providers: [DraftWriter, ShortfallRepository, ShortfallService, SuggestionsRepository, SuggestionsService],
})
export class PurchasePlanningModule {}
