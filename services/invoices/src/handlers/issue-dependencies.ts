import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { EventPublisher } from '@shop/events';
import { tracer } from '@shop/lambda-kit';
import { DeadLetters } from '../adapters/dead-letters';
import { PublishedDocumentEvents } from '../adapters/document-events';
import { PdfLibRenderer } from '../adapters/pdf-renderer';
import * as config from '../config';
import type { IssueSteps } from '../use-cases/issue-document';
import { makeInvoiceStore, makePdfStore } from './dependencies';

/** What issuing an invoice or a credit note needs: the store, the PDFs, the renderer and the publisher. */
export function makeIssueSteps(): IssueSteps {
  const publisher = new EventPublisher({
    client: tracer.captureAWSv3Client(new EventBridgeClient({})),
    eventBusName: config.eventBusName(),
    service: 'invoices',
    environment: config.stageName(),
  });
  return {
    store: makeInvoiceStore(),
    pdfs: makePdfStore(),
    renderer: new PdfLibRenderer(config.shopName()),
    events: new PublishedDocumentEvents(publisher),
  };
}

export const makeDeadLetters = () =>
  new DeadLetters({ client: tracer.captureAWSv3Client(new SQSClient({})), queueUrl: config.deadLetterQueueUrl() });
