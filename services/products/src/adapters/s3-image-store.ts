import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ImageStore } from '../ports';

/** Product images in the images bucket, served to browsers from their key. */
export class S3ImageStore implements ImageStore {
  constructor(private readonly options: { readonly client: S3Client; readonly bucketName: string }) {}

  async put(key: string, body: string, contentType: string): Promise<void> {
    await this.options.client.send(
      new PutObjectCommand({ Bucket: this.options.bucketName, Key: key, Body: body, ContentType: contentType }),
    );
  }
}
