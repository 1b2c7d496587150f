import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from '@tradecounter/contracts';
import { AuthService } from './auth.service';

/** Signed-in users only; others go to the login page and come back after. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthService).isLoggedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Users holding one of `roles`; others see the friendly 403 page. */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return (_route, state) => {
    if (inject(AuthService).hasRole(roles)) return true;
    return inject(Router).createUrlTree(['/forbidden'], { queryParams: { from: state.url } });
  };
}

/** The login page is for signed-out users only. */
export const guestGuard: CanActivateFn = () => {
  if (!inject(AuthService).isLoggedIn()) return true;
  return inject(Router).createUrlTree(['/']);
};
