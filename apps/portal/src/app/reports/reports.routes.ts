import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';

export const reportsRoutes: Routes = [
  {
    path: '',
    title: 'Sales · Tradecounter',
    canActivate: [featureGuard('sales')],
    loadComponent: () => import('./sales-page').then((m) => m.SalesPage),
  },
  {
    path: 'dashboard',
    title: 'Dashboard · Tradecounter',
    canActivate: [featureGuard('dashboard')],
    loadComponent: () => import('./dashboard-page').then((m) => m.DashboardPage),
  },
  {
    path: 'my-accounts',
    title: 'My accounts · Tradecounter',
    canActivate: [featureGuard('myAccountsDashboard')],
    loadComponent: () => import('./my-accounts-page').then((m) => m.MyAccountsPage),
  },
  {
    path: 'spend',
    title: 'Spend · Tradecounter',
    canActivate: [featureGuard('spend')],
    loadComponent: () => import('./spend-page').then((m) => m.SpendPage),
  },
];
