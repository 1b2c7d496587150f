import { Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts/accounts.module';
import { CatalogModule } from '../../catalog/catalog.module';
import { PricingModule } from '../pricing.module';
import { QuoteController } from './quote.controller';
import { QuoteService } from './quote.service';

/** Quotes need the catalog and the calculator; kept apart so the catalog can price through PricingModule. */
@Module({
  imports: [PricingModule, CatalogModule, AccountsModule],
  controllers: [QuoteController],
  providers: [QuoteService],
})
export class QuoteModule {}
