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
        path: 'cart',
        canActivate: [roleGuard(CUSTOMER_ROLES)],
        loadChildren: () => import('./cart/cart.routes').then((m) => m.cartRoutes),
      },
      {
        path: 'orders',
        canActivate: [roleGuard(['buyer', 'approver', 'account_manager', 'manager', 'admin'])],
        loadChildren: () => import('./orders/orders.routes').then((m) => m.ordersRoutes),
      },
      {
        path: 'templates',
        canActivate: [roleGuard(CUSTOMER_ROLES)],
        loadChildren: () => import('./templates/templates.routes').then((m) => m.templatesRoutes),
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
        path: 'inventory',
        canActivate: [roleGuard(['warehouse', 'admin'])],
        loadChildren: () => import('./inventory/inventory.routes').then((m) => m.inventoryRoutes),
      },
      {
        path: 'fulfilment',
        canActivate: [roleGuard(['warehouse', 'admin'])],
        loadChildren: () => import('./fulfilment/fulfilment.routes').then((m) => m.fulfilmentRoutes),
      },
      {
        path: 'warehouses',
        canActivate: [roleGuard(['warehouse', 'admin'])],
        loadChildren: () => import('./warehouses/warehouses.routes').then((m) => m.warehousesRoutes),
      },
      {
        path: 'calendar',
        canActivate: [roleGuard(['warehouse', 'admin'])],
        loadChildren: () => import('./warehouses/warehouses.routes').then((m) => m.calendarRoutes),
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
        loadChildren: () => import('./users/users.routes').then((m) => m.usersRoutes),
      },
      {
        path: 'reports',
        canActivate: [roleGuard(['buyer', 'approver', 'account_manager', 'manager', 'admin'])],
        loadChildren: () => import('./reports/reports.routes').then((m) => m.reportsRoutes),
      },
      {
        path: 'channels',
        canActivate: [roleGuard(['admin'])],
        loadChildren: () => import('./channels/channels.routes').then((m) => m.channelsRoutes),
      },
      // The page's former addresses, so bookmarks keep working.
      { path: 'admin/integrations', redirectTo: '/channels' },
      { path: 'integrations', redirectTo: '/channels' },
      {
        path: 'admin/webhooks',
        canActivate: [roleGuard(['admin'])],
        loadChildren: () => import('./webhooks/webhooks.routes').then((m) => m.webhooksRoutes),
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
