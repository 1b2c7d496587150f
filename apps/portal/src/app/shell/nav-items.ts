import type { Role } from '@tradecounter/contracts';

export interface NavItem {
  label: string;
  path: string;
  icon: string;
  roles: readonly Role[];
}

/** Only pages that exist are linked; each route guards the same roles. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    label: 'Catalog',
    path: '/catalog',
    icon: 'catalog',
    roles: ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'],
  },
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
  { label: 'Users', path: '/admin/users', icon: 'group', roles: ['admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
