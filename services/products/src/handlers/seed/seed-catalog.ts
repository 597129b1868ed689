import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import { observability, tracer } from '@shop/lambda-kit';
import { SEED_PRODUCTS } from '../../../seed/catalog';
import { SEED_IMAGES } from '../../../seed/images';
import { DynamoProductRepository } from '../../adapters/dynamodb-product-repository';
import { S3ImageStore } from '../../adapters/s3-image-store';
import { imagesBucketName, tableName } from '../../config';
import { makeSeedCatalog } from '../../use-cases/seed-catalog';
import { documentClient } from '../dependencies';
import { answerCustomResource, type CustomResourceEvent, type CustomResourceResponse } from './custom-resource';

/** One seed per stack: the same id on every answer, so an Update is never taken for a replacement. */
export const SEED_PHYSICAL_ID = 'products-seed-catalog';

const seedCatalog = makeSeedCatalog({
  products: new DynamoProductRepository({ doc: documentClient, tableName: tableName() }),
  images: new S3ImageStore({ client: tracer.captureAWSv3Client(new S3Client({})), bucketName: imagesBucketName() }),
  clock: () => new Date(),
});

/**
 * The catalog seed custom resource (ServiceToken = this function): Create and Update load the bundled
 * seed catalog and upload its images, leaving products that exist alone; Delete keeps the data (it is the
 * shop's catalog now) and only answers.
 */
export const handler = middy<CustomResourceEvent, CustomResourceResponse>()
  .use(observability())
  .handler((event) =>
    answerCustomResource(event, SEED_PHYSICAL_ID, async () =>
      event.RequestType === 'Delete' ? {} : seedCatalog(SEED_PRODUCTS, SEED_IMAGES),
    ),
  );
