import { Routes } from '@angular/router';
import { CUSTOMER_ROLES, INTERNAL_ROLES } from '@tradecounter/contracts';
import { authGuard, guestGuard, roleGuard } from './auth/auth.guards';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'Sign in · Tradecounter',
    canActivate: [guestGuard],
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'catalog' },
      {
        path: 'catalog',
        loadChildren: () => import('./catalog/catalog.routes').then((m) => m.catalogRoutes),
      },
      {
        path: 'accounts',
        canActivate: [roleGuard(INTERNAL_ROLES)],
        loadChildren: () => import('./accounts/accounts.routes').then((m) => m.accountsRoutes),
      },
      {
        path: 'price-tiers',
        canActivate: [roleGuard(['account_manager', 'manager', 'admin'])],
        loadChildren: () => import('./pricing/pricing.routes').then((m) => m.pricingRoutes),
      },
      {
        path: 'account',
        title: 'My account · Tradecounter',
        canActivate: [roleGuard(CUSTOMER_ROLES)],
        loadComponent: () => import('./accounts/my-account-page').then((m) => m.MyAccountPage),
      },
      {
        path: 'admin/users',
        canActivate: [roleGuard(['admin'])],
        loadChildren: () => import('./admin-users/admin-users.routes').then((m) => m.adminUsersRoutes),
      },
      {
        path: 'forbidden',
        title: 'No access · Tradecounter',
        loadComponent: () => import('./auth/forbidden-page').then((m) => m.ForbiddenPage),
      },
      {
        path: '**',
        title: 'Not found · Tradecounter',
        loadComponent: () => import('./shell/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
