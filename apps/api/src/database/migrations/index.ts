import { Foundation1764201600000 } from './1764201600000-foundation';
import { Pricing1764288000000 } from './1764288000000-pricing';
import { Availability1764374400000 } from './1764374400000-availability';
import { Orders1764460800000 } from './1764460800000-orders';
import { CartTemplates1764547200000 } from './1764547200000-cart-templates';
import { Fulfilment1764633600000 } from './1764633600000-fulfilment';
import { Channels1764720000000 } from './1764720000000-channels';
import { AccountExposure1764723600000 } from './1764723600000-account-exposure';
import { Outbox1764806400000 } from './1764806400000-outbox';
import { ReportRollups1764892800000 } from './1764892800000-report-rollups';
import { DeliveryRollups1764979200000 } from './1764979200000-delivery-rollups';
import { ReportCoarseRollups1765065600000 } from './1765065600000-report-coarse-rollups';
import { ChannelAccounts1765152000000 } from './1765152000000-channel-accounts';
import { SignInHardening1765238400000 } from './1765238400000-sign-in-hardening';
import { SealedWebhookSecrets1765324800000 } from './1765324800000-sealed-webhook-secrets';
import { CarrierTracking1765497600000 } from './1765497600000-carrier-tracking';
import { ProductImages1765843200000 } from './1765843200000-product-images';
import { HolidayNames1765929600000 } from './1765929600000-holiday-names';
import { SalesQuotes1766016000000 } from './1766016000000-sales-quotes';
import { StandingOrders1766102400000 } from './1766102400000-standing-orders';
import { Purchasing1766188800000 } from './1766188800000-purchasing';
import { Warehouse1766275200000 } from './1766275200000-warehouse';
import { DemandRollup1766361600000 } from './1766361600000-demand-rollup';
import { Returns1766448000000 } from './1766448000000-returns';
import { CompanySettings1766451600000 } from './1766451600000-company-settings';

/** Every migration, oldest first. Listed explicitly so the bundle carries them. */
export const MIGRATIONS = [Foundation1764201600000, Pricing1764288000000, Availability1764374400000, Orders1764460800000, CartTemplates1764547200000, Fulfilment1764633600000, Channels1764720000000, AccountExposure1764723600000, Outbox1764806400000, ReportRollups1764892800000, DeliveryRollups1764979200000, ReportCoarseRollups1765065600000, ChannelAccounts1765152000000, SignInHardening1765238400000, SealedWebhookSecrets1765324800000, CarrierTracking1765497600000, ProductImages1765843200000, HolidayNames1765929600000, SalesQuotes1766016000000, StandingOrders1766102400000, Purchasing1766188800000, Warehouse1766275200000, DemandRollup1766361600000, Returns1766448000000, CompanySettings1766451600000];
