import { inject } from '@angular/core';
import { CanActivateFn, RedirectFunction, Router } from '@angular/router';
import { featureRoles, landingPath, type PortalFeatureName, type Role } from '@tradecounter/contracts';
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

/** The roles PORTAL_FEATURES gives the page; others see the friendly 403 page. */
export function featureGuard(feature: PortalFeatureName): CanActivateFn {
  return roleGuard(featureRoles(feature));
}

/** `/` lands each role at its work (LANDING_FEATURE): a buyer at home, the warehouse at the board… */
export const landingRedirect: RedirectFunction = () => {
  const user = inject(AuthService).user();
  return user ? landingPath(user.role) : '/login';
};

/** The login page is for signed-out users only. */
export const guestGuard: CanActivateFn = () => {
  if (!inject(AuthService).isLoggedIn()) return true;
  return inject(Router).createUrlTree(['/']);
};
