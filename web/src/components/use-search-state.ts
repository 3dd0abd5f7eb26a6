import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters and paging kept in the URL, so a reload, the back button or a shared link shows the same page
 * of the same list. Empty values are removed from the URL.
 */
export function useSearchState<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (patch: Partial<Record<K, string | number | null | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v !== null && v !== '') out[k] = v;
    }
    return out;
  }, [params, keys]);
  const update = useCallback(
    (patch: Partial<Record<K, string | number | null | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [K, string | number | null | undefined][]) {
            if (v === null || v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update];
}

/** A positive page number from the URL, else the default. */
export function pageParam(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
