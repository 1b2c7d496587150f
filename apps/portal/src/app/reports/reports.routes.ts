import { Routes } from '@angular/router';
import { roleGuard } from '../auth/auth.guards';

export const reportsRoutes: Routes = [
  {
    path: '',
    title: 'Sales · Tradecounter',
    loadComponent: () => import('./sales-page').then((m) => m.SalesPage),
  },
  {
    path: 'dashboard',
    title: 'Dashboard · Tradecounter',
    canActivate: [roleGuard(['manager', 'admin'])],
    loadComponent: () => import('./dashboard-page').then((m) => m.DashboardPage),
  },
  {
    path: 'my-accounts',
    title: 'My accounts · Tradecounter',
    canActivate: [roleGuard(['account_manager'])],
    loadComponent: () => import('./my-accounts-page').then((m) => m.MyAccountsPage),
  },
  {
    path: 'spend',
    title: 'Spend · Tradecounter',
    canActivate: [roleGuard(['buyer', 'approver'])],
    loadComponent: () => import('./spend-page').then((m) => m.SpendPage),
  },
];
