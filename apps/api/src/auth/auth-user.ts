import type { Actor } from '@tradecounter/domain';

/** The signed-in user a request acts as, attached by the auth guard. */
export interface AuthUser extends Actor {
  email: string;
  name: string;
}

declare module 'express' {
  interface Request {
    user?: AuthUser;
  }
}
