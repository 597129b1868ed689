import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';

interface OrderPlacedEvent {
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: { readonly orderId: string; readonly outOfStock?: boolean; readonly taskToken: string };
}

// Created once per container; finds the local cloud through AWS_ENDPOINT_URL_SFN.
const sfn = new SFNClient({});

/**
 * Reserves the stock of a placed order and resumes the workflow waiting on its task token: success with the
 * reservation, or the `Inventory.OutOfStock` failure the workflow compensates for.
 */
export const handler = async (event: OrderPlacedEvent): Promise<void> => {
  const { orderId, outOfStock, taskToken } = event.detail;
  if (outOfStock) {
    await sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Inventory.OutOfStock', cause: `No stock left for order ${orderId}` }));
    return;
  }
  const output = { reservationId: `r-${orderId}`, reservedBy: event['detail-type'] };
  await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
};
