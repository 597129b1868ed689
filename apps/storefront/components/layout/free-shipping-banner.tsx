import { freeShippingText } from '@/lib/format';

/** Shown while the `free-shipping` flag is on; its threshold is the flag's attribute. */
export function FreeShippingBanner({ enabled, thresholdMinor, currency }: { readonly enabled: boolean; readonly thresholdMinor: number; readonly currency: string }) {
  if (!enabled) return null;
  return (
    <p className="banner" data-flag="free-shipping">
      {freeShippingText(thresholdMinor, currency)}
    </p>
  );
}
