import { Routes } from '@angular/router';

export const channelsRoutes: Routes = [
  {
    path: '',
    title: 'Channels · Tradecounter',
    loadComponent: () => import('./channels-page').then((m) => m.ChannelsPage),
  },
];
