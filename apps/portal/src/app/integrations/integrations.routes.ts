import { Routes } from '@angular/router';

export const integrationsRoutes: Routes = [
  {
    path: '',
    title: 'Integrations · Tradecounter',
    loadComponent: () => import('./integrations-page').then((m) => m.IntegrationsPage),
  },
];
