/** Fails every time: asynchronous invokes of it are retried and then sent to its on-failure destination. */
export const handler = async (event: { orderId?: string }) => {
  throw new Error(`cannot process ${event.orderId ?? 'anything'}`);
};
