import { Foundation1764201600000 } from './1764201600000-foundation';

/** Every migration, oldest first. Listed explicitly so the bundle carries them. */
export const MIGRATIONS = [Foundation1764201600000];
