import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PdfStore } from '../ports';

/** PDFs in the private invoices bucket, encrypted at rest (SSE-S3), handed out through presigned GET URLs. */
export class S3PdfStore implements PdfStore {
  constructor(private readonly options: { readonly client: S3Client; readonly bucketName: string }) {}

  async put(key: string, pdf: Uint8Array): Promise<void> {
    await this.options.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucketName,
        Key: key,
        Body: pdf,
        ContentType: 'application/pdf',
        // The bucket encrypts by default too; asking per object keeps it so if the bucket's default changes.
        ServerSideEncryption: 'AES256',
      }),
    );
  }

  async downloadUrl(key: string, expiresInSeconds: number): Promise<string> {
    const fileName = key.slice(key.lastIndexOf('/') + 1);
    const command = new GetObjectCommand({
      Bucket: this.options.bucketName,
      Key: key,
      ResponseContentDisposition: `inline; filename="${fileName}"`,
    });
    return getSignedUrl(this.options.client, command, { expiresIn: expiresInSeconds });
  }
}
