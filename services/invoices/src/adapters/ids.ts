import { randomUUID } from 'node:crypto';

/** A new opaque id with a readable prefix: `inv_…` for invoices, `cn_…` for credit notes. */
export const newDocumentId = (prefix: 'inv' | 'cn') => () => `${prefix}_${randomUUID().replaceAll('-', '')}`;
