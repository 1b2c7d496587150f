import { navItemsFor } from './nav-items';

describe('navItemsFor: reports', () => {
  const reportLinks = (role: Parameters<typeof navItemsFor>[0]) =>
    navItemsFor(role)
      .filter((item) => item.path.startsWith('/reports'))
      .map((item) => `${item.label} ${item.path}`);

  it('gives managers and admins the dashboard and sales', () => {
    expect(reportLinks('manager')).toEqual(['Dashboard /reports/dashboard', 'Sales /reports']);
    expect(reportLinks('admin')).toEqual(['Dashboard /reports/dashboard', 'Sales /reports']);
  });

  it('gives account managers their own dashboard and sales', () => {
    expect(reportLinks('account_manager')).toEqual(['Dashboard /reports/my-accounts', 'Sales /reports']);
  });

  it('gives customers their spend, and the warehouse no reports', () => {
    expect(reportLinks('buyer')).toEqual(['Spend /reports/spend']);
    expect(reportLinks('approver')).toEqual(['Spend /reports/spend']);
    expect(reportLinks('warehouse')).toEqual([]);
  });

  it('has no two entries for the same path', () => {
    for (const role of ['buyer', 'approver', 'account_manager', 'warehouse', 'manager', 'admin'] as const) {
      const paths = navItemsFor(role).map((item) => item.path);
      expect(new Set(paths).size).toBe(paths.length);
    }
  });
});

describe('navItemsFor: channels', () => {
  it('links admins, and only admins, to the channels (integration keys) at /channels', () => {
    expect(navItemsFor('admin').filter((item) => item.path === '/channels')).toEqual([
      expect.objectContaining({ label: 'Channels' }),
    ]);
    for (const role of ['buyer', 'approver', 'account_manager', 'warehouse', 'manager'] as const) {
      expect(navItemsFor(role).some((item) => item.path === '/channels')).toBe(false);
    }
  });
});
