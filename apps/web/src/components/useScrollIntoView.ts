import { useEffect, useRef } from 'react';

/**
 * Brings a result into view when it changes: on a phone the answer to a check-in, scan or verification
 * appears below the camera and the code field, off the bottom of the screen, and the person would not
 * know anything happened. `block: 'nearest'` leaves the page alone when the result is already visible.
 */
export function useScrollIntoView<T extends HTMLElement>(trigger: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (trigger) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [trigger]);
  return ref;
}
