import { AccountEntity } from '../accounts/account.entity';
import { AddressEntity } from '../accounts/address.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { ProductEntity } from '../catalog/product.entity';
import { ContractPriceEntity } from '../pricing/contract-price.entity';
import { PriceTierEntity } from '../pricing/price-tier.entity';
import { TierBreakEntity } from '../pricing/tier-break.entity';
import { TierFixedPriceEntity } from '../pricing/tier-fixed-price.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity of the schema; migrations must match exactly these. */
export const ENTITIES = [
  AccountEntity,
  AddressEntity,
  AuditEntryEntity,
  ProductEntity,
  RefreshTokenEntity,
  UserEntity,
  PriceTierEntity,
  TierBreakEntity,
  TierFixedPriceEntity,
  ContractPriceEntity,
];
