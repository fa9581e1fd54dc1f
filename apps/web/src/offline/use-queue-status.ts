// The offline queue's status as React state (queue.ts itself stays free of React: the light
// first-visit check-in page uses it without React).
import { useEffect, useState } from 'react';
import { onQueueStatus, queueStatus, type QueueStatus } from './queue';

export function useQueueStatus(): QueueStatus {
  const [s, setS] = useState(queueStatus);
  useEffect(() => {
    const l = () => setS(queueStatus());
    const off = onQueueStatus(l);
    l();
    return off;
  }, []);
  return s;
}
