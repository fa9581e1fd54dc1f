import { useCallback, useRef } from 'react';

/**
 * For pages that reload on every filter change: call `begin()` before a request and apply its answer
 * only while the returned `isLatest()` holds, so a slow earlier answer never overwrites a newer one.
 */
export function useLatestRequest(): () => () => boolean {
  const seq = useRef(0);
  return useCallback(() => {
    const mine = ++seq.current;
    return () => mine === seq.current;
  }, []);
}
