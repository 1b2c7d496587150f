import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';

export const returnsRoutes: Routes = [
  {
    path: '',
    title: 'Returns · Tradecounter',
    loadComponent: () => import('./returns-page').then((m) => m.ReturnsPage),
  },
  {
    path: ':id/receive',
    title: 'Receive return · Tradecounter',
    canActivate: [featureGuard('returnReceiving')],
    loadComponent: () => import('./return-receiving-page').then((m) => m.ReturnReceivingPage),
  },
  {
    path: ':id',
    title: 'Return · Tradecounter',
    loadComponent: () => import('./return-page').then((m) => m.ReturnPage),
  },
];

export const creditNotesRoutes: Routes = [
  {
    path: '',
    title: 'Credit notes · Tradecounter',
    loadComponent: () => import('./credit-notes-page').then((m) => m.CreditNotesPage),
  },
  {
    path: ':id',
    title: 'Credit note · Tradecounter',
    loadComponent: () => import('./credit-note-page').then((m) => m.CreditNotePage),
  },
];
