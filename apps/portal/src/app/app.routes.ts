import { Routes } from '@angular/router';
import { rolesOfAny } from '@tradecounter/contracts';
import { authGuard, featureGuard, guestGuard, landingRedirect, roleGuard } from './auth/auth.guards';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'Sign in · Tradecounter',
    canActivate: [guestGuard],
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
  },
  {
    // Public: an invited user arrives from the e-mailed link with no session.
    path: 'set-password',
    title: 'Set your password · Tradecounter',
    loadComponent: () => import('./auth/set-password-page').then((m) => m.SetPasswordPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      // Every role lands at its work (LANDING_FEATURE).
      { path: '', pathMatch: 'full', redirectTo: landingRedirect },
      {
        path: 'home',
        title: 'Home · Tradecounter',
        canActivate: [featureGuard('home')],
        loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'catalog',
        loadChildren: () => import('./catalog/catalog.routes').then((m) => m.catalogRoutes),
      },
      {
        path: 'cart',
        canActivate: [featureGuard('cart')],
        loadChildren: () => import('./cart/cart.routes').then((m) => m.cartRoutes),
      },
      {
        path: 'orders',
        canActivate: [roleGuard(rolesOfAny('orders', 'approvals', 'creditHolds', 'phoneOrder', 'openLines'))],
        loadChildren: () => import('./orders/orders.routes').then((m) => m.ordersRoutes),
      },
      {
        path: 'quotes',
        canActivate: [featureGuard('quotes')],
        loadChildren: () => import('./quotes/quotes.routes').then((m) => m.quotesRoutes),
      },
      {
        path: 'returns',
        canActivate: [featureGuard('returns')],
        loadChildren: () => import('./returns/returns.routes').then((m) => m.returnsRoutes),
      },
      {
        path: 'credit-notes',
        canActivate: [featureGuard('creditNotes')],
        loadChildren: () => import('./returns/returns.routes').then((m) => m.creditNotesRoutes),
      },
      {
        path: 'templates',
        canActivate: [featureGuard('templates')],
        loadChildren: () => import('./templates/templates.routes').then((m) => m.templatesRoutes),
      },
      {
        path: 'standing-orders',
        canActivate: [featureGuard('standingOrders')],
        loadChildren: () =>
          import('./standing-orders/standing-orders.routes').then((m) => m.standingOrdersRoutes),
      },
      {
        path: 'accounts',
        canActivate: [featureGuard('accounts')],
        loadChildren: () => import('./accounts/accounts.routes').then((m) => m.accountsRoutes),
      },
      {
        path: 'price-tiers',
        canActivate: [featureGuard('priceTiers')],
        loadChildren: () => import('./pricing/pricing.routes').then((m) => m.pricingRoutes),
      },
      {
        path: 'inventory',
        canActivate: [roleGuard(rolesOfAny('stock', 'inbound'))],
        loadChildren: () => import('./inventory/inventory.routes').then((m) => m.inventoryRoutes),
      },
      {
        path: 'purchasing',
        canActivate: [featureGuard('purchasing')],
        loadChildren: () => import('./purchasing/purchasing.routes').then((m) => m.purchasingRoutes),
      },
      {
        path: 'fulfilment',
        canActivate: [roleGuard(rolesOfAny('fulfilment', 'waves', 'slotting'))],
        loadChildren: () => import('./fulfilment/fulfilment.routes').then((m) => m.fulfilmentRoutes),
      },
      {
        path: 'warehouses',
        canActivate: [featureGuard('warehouses')],
        loadChildren: () => import('./warehouses/warehouses.routes').then((m) => m.warehousesRoutes),
      },
      {
        path: 'calendar',
        canActivate: [featureGuard('holidays')],
        loadChildren: () => import('./warehouses/warehouses.routes').then((m) => m.calendarRoutes),
      },
      {
        path: 'account',
        title: 'My account · Tradecounter',
        canActivate: [featureGuard('myAccount')],
        loadComponent: () => import('./accounts/my-account-page').then((m) => m.MyAccountPage),
      },
      {
        path: 'admin/users',
        canActivate: [featureGuard('users')],
        loadChildren: () => import('./users/users.routes').then((m) => m.usersRoutes),
      },
      {
        path: 'reports',
        canActivate: [roleGuard(rolesOfAny('sales', 'spend', 'dashboard', 'myAccountsDashboard'))],
        loadChildren: () => import('./reports/reports.routes').then((m) => m.reportsRoutes),
      },
      {
        path: 'channels',
        canActivate: [featureGuard('channels')],
        loadChildren: () => import('./channels/channels.routes').then((m) => m.channelsRoutes),
      },
      // The page's former addresses, so bookmarks keep working.
      { path: 'admin/integrations', redirectTo: '/channels' },
      { path: 'integrations', redirectTo: '/channels' },
      {
        path: 'admin/webhooks',
        canActivate: [featureGuard('webhooks')],
        loadChildren: () => import('./webhooks/webhooks.routes').then((m) => m.webhooksRoutes),
      },
      {
        path: 'admin/returns',
        title: 'Return settings · Tradecounter',
        canActivate: [featureGuard('returnSettings')],
        loadComponent: () => import('./settings/return-settings-page').then((m) => m.ReturnSettingsPage),
      },
      {
        path: 'admin/company',
        title: 'Company letterhead · Tradecounter',
        canActivate: [featureGuard('companySettings')],
        loadComponent: () => import('./settings/company-settings-page').then((m) => m.CompanySettingsPage),
      },
      {
        path: 'imports',
        canActivate: [featureGuard('imports')],
        loadChildren: () => import('./imports/imports.routes').then((m) => m.importsRoutes),
      },
      {
        path: 'audit',
        title: 'Audit trail · Tradecounter',
        canActivate: [featureGuard('audit')],
        loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
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
