import type { Role } from '@tradecounter/contracts';

export interface NavItem {
  label: string;
  path: string;
  icon: string;
  roles: readonly Role[];
  /** Active only on this exact path (a parent of other items' paths). */
  exact?: boolean;
}

/** Only pages that exist are linked; each route guards the same roles. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    label: 'Catalog',
    path: '/catalog',
    icon: 'catalog',
    roles: ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'],
  },
  { label: 'Cart', path: '/cart', icon: 'shopping_cart', roles: ['buyer', 'approver'] },
  {
    label: 'Orders',
    path: '/orders',
    icon: 'receipt',
    roles: ['buyer', 'approver', 'account_manager', 'manager', 'admin'],
    exact: true,
  },
  { label: 'Open lines', path: '/orders/open-lines', icon: 'schedule', roles: ['buyer', 'approver'] },
  { label: 'Templates', path: '/templates', icon: 'bookmark', roles: ['buyer', 'approver'] },
  { label: 'Approvals', path: '/orders/approvals', icon: 'approval', roles: ['approver'] },
  {
    label: 'Credit holds',
    path: '/orders/holds',
    icon: 'pending',
    roles: ['account_manager', 'manager', 'admin'],
  },
  { label: 'New phone order', path: '/orders/new', icon: 'phone', roles: ['account_manager', 'admin'] },
  { label: 'My account', path: '/account', icon: 'business', roles: ['buyer', 'approver'] },
  {
    label: 'Accounts',
    path: '/accounts',
    icon: 'business',
    roles: ['account_manager', 'warehouse', 'manager', 'admin'],
  },
  {
    label: 'Price tiers',
    path: '/price-tiers',
    icon: 'sell',
    roles: ['account_manager', 'manager', 'admin'],
  },
  { label: 'Fulfilment', path: '/fulfilment', icon: 'local_shipping', roles: ['warehouse', 'admin'] },
  { label: 'Stock', path: '/inventory/stock', icon: 'inventory', roles: ['warehouse', 'admin'] },
  { label: 'Inbound', path: '/inventory/inbound', icon: 'move_to_inbox', roles: ['warehouse', 'admin'] },
  { label: 'Warehouses', path: '/warehouses', icon: 'warehouse', roles: ['warehouse', 'admin'] },
  { label: 'Holidays', path: '/calendar', icon: 'event', roles: ['warehouse', 'admin'] },
  { label: 'Carrier tracking', path: '/warehouses/carriers', icon: 'local_shipping', roles: ['admin'] },
  { label: 'Dashboard', path: '/reports/dashboard', icon: 'dashboard', roles: ['manager', 'admin'] },
  { label: 'Dashboard', path: '/reports/my-accounts', icon: 'dashboard', roles: ['account_manager'] },
  {
    label: 'Sales',
    path: '/reports',
    icon: 'bar_chart',
    roles: ['account_manager', 'manager', 'admin'],
    exact: true,
  },
  { label: 'Spend', path: '/reports/spend', icon: 'wallet', roles: ['buyer', 'approver'] },
  { label: 'Users', path: '/admin/users', icon: 'group', roles: ['admin'] },
  { label: 'Channels', path: '/channels', icon: 'vpn_key', roles: ['admin'] },
  { label: 'Webhooks', path: '/admin/webhooks', icon: 'webhook', roles: ['admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
