import { Routes } from '@angular/router';
import { featureGuard } from '../auth/auth.guards';

export const warehousesRoutes: Routes = [
  {
    path: '',
    title: 'Warehouses · Tradecounter',
    loadComponent: () => import('./warehouses-page').then((m) => m.WarehousesPage),
  },
  {
    path: 'carriers',
    canActivate: [featureGuard('carrierTracking')],
    title: 'Carrier tracking pages · Tradecounter',
    loadComponent: () => import('./carrier-tracking-page').then((m) => m.CarrierTrackingPage),
  },
];

export const calendarRoutes: Routes = [
  {
    path: '',
    title: 'Holiday calendar · Tradecounter',
    loadComponent: () => import('./holidays-page').then((m) => m.HolidaysPage),
  },
];
