import { Foundation1764201600000 } from './1764201600000-foundation';
import { Pricing1764288000000 } from './1764288000000-pricing';
import { Availability1764374400000 } from './1764374400000-availability';
import { Orders1764460800000 } from './1764460800000-orders';
import { CartTemplates1764547200000 } from './1764547200000-cart-templates';
import { Outbox1764806400000 } from './1764806400000-outbox';

/** Every migration, oldest first. Listed explicitly so the bundle carries them. */
export const MIGRATIONS = [Foundation1764201600000, Pricing1764288000000, Availability1764374400000, Orders1764460800000, CartTemplates1764547200000, Outbox1764806400000];
