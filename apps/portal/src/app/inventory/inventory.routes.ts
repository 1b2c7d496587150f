import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';

export const inventoryRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'stock' },
  {
    path: 'stock',
    title: 'Stock · Tradecounter',
    canActivate: [featureGuard('stock')],
    loadComponent: () => import('./stock-page').then((m) => m.StockPage),
  },
  {
    path: 'inbound',
    title: 'Inbound · Tradecounter',
    canActivate: [featureGuard('inbound')],
    loadComponent: () => import('./inbound-page').then((m) => m.InboundPage),
  },
];
