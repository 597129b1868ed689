import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ProductsData } from '@shop/products/infra';
import { describe, expect, it } from 'vitest';
import { ImagesCdn, ImagesCdnPlacementError } from './images-cdn';

/** The products service's real data construct, so the bucket is the one the CDN fronts in a stage. */
function imagesStack() {
  const stack = new Stack(new App(), 'Stateful');
  const products = new ProductsData(stack, 'Products', { retain: false });
  const images = new ImagesCdn(stack, 'ImagesCdn', { bucket: products.imagesBucket });
  const logicalId = (construct: s3.IBucket | ImagesCdn['distribution']) =>
    stack.getLogicalId(construct.node.defaultChild as never);
  return { template: Template.fromStack(stack), bucketId: logicalId(products.imagesBucket), images, logicalId };
}

describe('ImagesCdn', () => {
  it('reads the images bucket through Origin Access Control, redirecting viewers to HTTPS', () => {
    const { template, bucketId } = imagesStack();

    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Origins: [
          {
            DomainName: { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] },
            OriginAccessControlId: { 'Fn::GetAtt': [Match.stringLikeRegexp('OriginAccessControl'), 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          },
        ],
        DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] },
      },
    });
  });

  it('lets only this distribution read objects, and keeps the bucket private', () => {
    const { template, bucketId, images, logicalId } = imagesStack();

    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
            Condition: {
              StringEquals: {
                'AWS:SourceArn': {
                  'Fn::Join': Match.arrayWith([Match.arrayWith([{ Ref: logicalId(images.distribution) }])]),
                },
              },
            },
          },
        ]),
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('outputs ImagesUrl, the https base URL of the image keys', () => {
    const { template, images, logicalId } = imagesStack();

    template.hasOutput('ImagesUrl', {
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(images.distribution), 'DomainName'] }]] },
    });
  });

  it('refuses to be created outside the stack of its bucket', () => {
    const app = new App();
    const stateful = new Stack(app, 'Stateful');
    const bucket = new ProductsData(stateful, 'Products', { retain: false }).imagesBucket;

    const create = () => new ImagesCdn(new Stack(app, 'Storefront'), 'ImagesCdn', { bucket });

    expect(create).toThrow(ImagesCdnPlacementError);
  });
});
