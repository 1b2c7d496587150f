import { Routes } from '@angular/router';

export const importsRoutes: Routes = [
  {
    path: '',
    title: 'Import / Export · Tradecounter',
    loadComponent: () => import('./imports-page').then((m) => m.ImportsPage),
  },
  {
    path: ':id',
    title: 'Import · Tradecounter',
    loadComponent: () => import('./import-run-page').then((m) => m.ImportRunPage),
  },
];
