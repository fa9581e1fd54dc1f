// The signed-in citizen and their declared family, cached for offline use.
import { api } from '../../api/client';
import type { FamilyPerson } from './types';

const KEY = 'phongdich.myPeople';

interface MePerson {
  person: { id: string; fullName: string } | null;
  family: { id: string; fullName: string }[];
}

export function cachedPeople(): FamilyPerson[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as FamilyPerson[];
  } catch {
    return [];
  }
}

/** Self first, then family; from the server when online, else the last copy. */
export async function loadMyPeople(): Promise<FamilyPerson[]> {
  try {
    const me = await api.get<MePerson>('/api/me/person');
    const people = me.person
      ? [me.person, ...me.family].map((p) => ({ id: p.id, fullName: p.fullName }))
      : [];
    localStorage.setItem(KEY, JSON.stringify(people));
    return people;
  } catch {
    return cachedPeople();
  }
}
