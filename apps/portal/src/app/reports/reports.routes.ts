import { Routes } from '@angular/router';

export const reportsRoutes: Routes = [
  {
    path: '',
    title: 'Sales · Tradecounter',
    loadComponent: () => import('./sales-page').then((m) => m.SalesPage),
  },
];
