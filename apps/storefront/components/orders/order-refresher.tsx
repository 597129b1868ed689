'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { scheduleRefresh } from '@/lib/orders/refresh-schedule';

/**
 * Re-renders the order page while the checkout runs; the page stops rendering it once settled.
 * The next refresh is timed from the end of the previous one (its transition no longer pending), because a
 * refresh started while another renders cancels it.
 */
export function OrderRefresher() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [refreshes, setRefreshes] = useState(0);
  useEffect(
    () =>
      scheduleRefresh({ refreshes, pending }, () => {
        setRefreshes((count) => count + 1);
        startTransition(() => router.refresh());
      }),
    [pending, refreshes, router],
  );
  return null;
}
