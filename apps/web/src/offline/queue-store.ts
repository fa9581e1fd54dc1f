// Minimal IndexedDB wrapper for the offline queue (one object store, keyed by item id).
export interface StoredItem {
  id: string;
  kind: string;
  payload: unknown;
  state: 'pending' | 'rejected';
  createdAt: string;
  error: unknown;
}

export interface QueueStore {
  get(id: string): Promise<StoredItem | undefined>;
  put(item: StoredItem): Promise<void>;
  delete(id: string): Promise<void>;
  list(state: StoredItem['state']): Promise<StoredItem[]>;
  count(state: StoredItem['state']): Promise<number>;
}

const DB_NAME = 'phongdich-offline';
const STORE = 'queue';

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function idbStore(factory: IDBFactory = indexedDB, name = DB_NAME): QueueStore {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(name, 1);
      r.onupgradeneeded = () => {
        const s = r.result.createObjectStore(STORE, { keyPath: 'id' });
        s.createIndex('state', 'state');
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }));
  async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await open()).transaction(STORE, mode).objectStore(STORE);
  }
  return {
    async get(id) {
      return (await req((await store('readonly')).get(id))) as StoredItem | undefined;
    },
    async put(item) {
      await req((await store('readwrite')).put(item));
    },
    async delete(id) {
      await req((await store('readwrite')).delete(id));
    },
    async list(state) {
      const items = (await req((await store('readonly')).index('state').getAll(state))) as StoredItem[];
      return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async count(state) {
      return req((await store('readonly')).index('state').count(state));
    },
  };
}
