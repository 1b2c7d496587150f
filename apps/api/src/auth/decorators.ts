import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '@tradecounter/contracts';
import type { AuthUser } from './auth-user';
import type { IntegrationCaller } from './integration-keys';

export const PUBLIC_KEY = 'tc:public';
export const ROLES_KEY = 'tc:roles';
export const INTEGRATIONS_KEY = 'tc:integrations';

/** No token needed (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The roles that may call a route. A route without @Roles is refused to
 * everyone (deny by default); `ANY_ROLE` opens it to every signed-in user.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Integrations may call the route too, with their key in `X-Api-Key` instead
 * of a user's token (see IntegrationKeys); the handler reads CurrentCaller.
 */
export const IntegrationsToo = () => SetMetadata(INTEGRATIONS_KEY, true);

/** Who called: a signed-in user, or an integration (its channel name and the accounts it may act for). */
export type Caller =
  { user: AuthUser; integration?: undefined } | { user?: undefined; integration: IntegrationCaller };

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<Request & { integration?: IntegrationCaller }>();
  if (request.user) return { user: request.user };
  if (request.integration) return { integration: request.integration };
  throw new Error('CurrentCaller used on a route nobody signed in to');
});

export const ANY_ROLE: Role[] = ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'];
export const INTERNAL: Role[] = ['account_manager', 'warehouse', 'manager', 'admin'];
export const CUSTOMER: Role[] = ['buyer', 'approver'];

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const user = context.switchToHttp().getRequest<Request>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
