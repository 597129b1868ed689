import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { orderTimeline } from '@/lib/orders/timeline';
import { OrderTimeline } from './order-timeline';

describe('OrderTimeline', () => {
  it('says each step state in words and marks the current step for assistive technology', () => {
    const steps = orderTimeline({ status: 'STOCK_RESERVED', history: [{ status: 'PENDING', at: '2026-11-28T10:00:00.000Z' }, { status: 'STOCK_RESERVED', at: '2026-11-28T10:00:02.000Z' }] }, undefined);

    const html = renderToStaticMarkup(<OrderTimeline steps={steps} />);

    expect(html).toContain('<ol class="timeline">');
    expect(html).toContain('28 Nov 2026, 10:00');
    expect(html).toContain('(done)');
    expect(html).toMatch(/aria-current="step"[^>]*><span class="step-label">Payment authorized/);
    expect(html).toContain('to come');
  });
});
