import { useEffect, useState } from 'react';

/** What `value` was once it stopped changing for `ms` (a search box: one request after the last key, not one a key). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
