import { Foundation1764201600000 } from './1764201600000-foundation';
import { Pricing1764288000000 } from './1764288000000-pricing';

/** Every migration, oldest first. Listed explicitly so the bundle carries them. */
export const MIGRATIONS = [Foundation1764201600000, Pricing1764288000000];
