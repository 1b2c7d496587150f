import { Routes } from '@angular/router';

export const accountsRoutes: Routes = [
  {
    path: '',
    title: 'Accounts · Tradecounter',
    loadComponent: () => import('./accounts-list-page').then((m) => m.AccountsListPage),
  },
  {
    path: ':id',
    title: 'Account · Tradecounter',
    loadComponent: () => import('./account-detail-page').then((m) => m.AccountDetailPage),
  },
];
