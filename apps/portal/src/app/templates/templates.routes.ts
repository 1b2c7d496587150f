import { Routes } from '@angular/router';

export const templatesRoutes: Routes = [
  {
    path: '',
    title: 'Templates · Tradecounter',
    loadComponent: () => import('./templates-page').then((m) => m.TemplatesPage),
  },
];
