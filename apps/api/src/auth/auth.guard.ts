import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@tradecounter/contracts';
import { forbidden, ProblemException } from '../common/http/problem';
import { AuthService } from './auth.service';
import { INTEGRATIONS_KEY, PUBLIC_KEY, ROLES_KEY } from './decorators';
import { IntegrationCaller, IntegrationKeys } from './integration-keys';

/**
 * Runs on every route: a valid bearer token, then a role the route names.
 * A route that names no roles is refused (deny by default).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly integrations: IntegrationKeys,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { integration?: IntegrationCaller }>();
    const token = bearerToken(request);
    const apiKey = request.headers['x-api-key'];
    if (
      !token &&
      typeof apiKey === 'string' &&
      this.reflector.getAllAndOverride<boolean>(INTEGRATIONS_KEY, targets)
    ) {
      request.integration = await this.integrations.authenticate(apiKey);
      return true;
    }
    const user = token ? await this.auth.authenticate(token) : undefined;
    if (!user) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        token ? 'The access token is invalid or expired' : 'Sign in first',
        undefined,
        {
          'WWW-Authenticate': 'Bearer',
        },
      );
    }
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(user.role)) throw forbidden();
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}
