import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const bucketName = process.env.BUCKET_NAME;
if (!bucketName) throw new Error('BUCKET_NAME is not set');
// The SDK reads AWS_ENDPOINT_URL_S3; an IP endpoint makes it address the bucket path-style.
const s3 = new S3Client({});

/** Renders an invoice into the bucket, as the invoices service stores its PDFs; returns the object's key. */
export const handler = async (event: { invoiceId: string; customer: string; amount: number }) => {
  const key = `invoices/${event.invoiceId}.txt`;
  const body = `Invoice ${event.invoiceId} for ${event.customer}: ${(event.amount / 100).toFixed(2)} GBP`;
  await s3.send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: body, ContentType: 'text/plain; charset=utf-8' }));
  return { key };
};
