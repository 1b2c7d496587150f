import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ContractPricesController } from './contract-prices.controller';
import { ContractPricesRepository } from './contract-prices.repository';
import { ContractPricesService } from './contract-prices.service';
import { ContractPriceImport } from './contract-price-import';
import { PriceTierImport } from './price-tier-import';
import { TierPriceImport } from './tier-price-import';
import { PriceCalculator } from './price-calculator';
import { PriceTiersController } from './price-tiers.controller';
import { PriceTiersRepository } from './price-tiers.repository';
import { PriceTiersService } from './price-tiers.service';
import { PricingContextRepository } from './pricing-context.repository';
import { TierChangeController } from './tier-change/tier-change.controller';
import { TierChangeRepository } from './tier-change/tier-change.repository';
import { TierChangeService } from './tier-change/tier-change.service';

@Module({
  imports: [AccountsModule],
  controllers: [PriceTiersController, ContractPricesController, TierChangeController],
  providers: [
    PriceCalculator,
    PricingContextRepository,
    PriceTiersRepository,
    PriceTiersService,
    ContractPricesRepository,
    ContractPricesService,
    TierChangeRepository,
    TierChangeService,
    PriceTierImport,
    TierPriceImport,
    ContractPriceImport,
  ],
  // The import kinds are found by the imports module among every module's exported providers.
  exports: [PriceCalculator, PriceTierImport, TierPriceImport, ContractPriceImport],
})
export class PricingModule {}
