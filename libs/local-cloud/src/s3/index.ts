export { startS3Service, s3Service, type S3Service, type S3ServiceOptions } from './service';
export { verifyPresignedRequest, isPresigned, type PresignedRequest, type PresignPolicy } from './auth/presigned-url';
export { bucketSetupOf, type BucketSetup } from './template';
export { S3Error } from './errors';
