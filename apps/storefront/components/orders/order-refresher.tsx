'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Re-renders the order page every `seconds` while the checkout runs; the page stops rendering it once settled. */
export function OrderRefresher({ seconds = 2 }: { readonly seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
