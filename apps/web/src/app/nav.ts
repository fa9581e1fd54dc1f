import type { Me } from '../api/types';
import type { Action } from '@phongdich/contracts';

export type NavKey = 'home' | 'me' | 'people' | 'newPerson' | 'units' | 'audit' | 'accounts';

export interface NavItem {
  key: NavKey;
  to: string;
}

const ITEMS: { key: NavKey; to: string; allowed: (me: Me, can: (a: Action) => boolean) => boolean }[] = [
  { key: 'home', to: '/', allowed: () => true },
  { key: 'me', to: '/me', allowed: (me) => me.kind === 'citizen' },
  { key: 'people', to: '/people', allowed: (_, can) => can('person.search') },
  { key: 'newPerson', to: '/people/new', allowed: (_, can) => can('person.create') },
  { key: 'units', to: '/units', allowed: (me, can) => me.kind !== 'citizen' && can('unit.read') },
  { key: 'audit', to: '/audit', allowed: (_, can) => can('audit.read') },
  { key: 'accounts', to: '/admin/accounts', allowed: (_, can) => can('account.manage') },
];

/** The pages this account may use, from the permissions the server reports in /api/auth/me. */
export function navFor(me: Me): NavItem[] {
  const can = (a: Action) => me.permissions.includes(a);
  return ITEMS.filter((i) => i.allowed(me, can)).map(({ key, to }) => ({ key, to }));
}
