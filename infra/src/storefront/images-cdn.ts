import { CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeDistributionFindings } from './distribution-acknowledgments';

export interface ImagesCdnProps {
  /** The products service's private images bucket (`ProductsData.imagesBucket`). */
  readonly bucket: s3.IBucket;
}

/** The CDN was placed in another stack than its bucket: the bucket policy would make the two stacks a cycle. */
export class ImagesCdnPlacementError extends Error {
  override readonly name = 'ImagesCdnPlacementError';
  readonly code = 'INFRA.IMAGES_CDN_PLACEMENT';
}

/**
 * Serves the products' images over HTTPS from CloudFront. The bucket stays private (public access blocked):
 * CloudFront reads it through Origin Access Control, which signs its requests, and the bucket's policy allows
 * `s3:GetObject` to the CloudFront service principal for this distribution only (`AWS:SourceArn`).
 * Outputs `ImagesUrl`, the base URL the storefront puts image keys after (`<ImagesUrl>/products/mug.svg`).
 *
 * It must be created in the bucket's own stack: the OAC grant is a statement of the bucket's policy that names
 * the distribution, and the distribution names the bucket, so across two stacks they would depend on each other.
 *
 * @example
 * const images = new ImagesCdn(stateful, 'ImagesCdn', { bucket: stateful.products.imagesBucket });
 * images.url; // https://d111111abcdef8.cloudfront.net
 */
export class ImagesCdn extends Construct {
  readonly distribution: cloudfront.Distribution;
  /** `https://<distribution domain>`, no trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ImagesCdnProps) {
    super(scope, id);
    if (Stack.of(props.bucket) !== Stack.of(this)) {
      throw new ImagesCdnPlacementError(
        `ImagesCdn must be created in the stack of its bucket (${Stack.of(props.bucket).node.path}), ` +
          `not in ${Stack.of(this).node.path}: the bucket policy's OAC grant names the distribution.`,
      );
    }
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Product images (private S3 bucket, read through Origin Access Control)',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(props.bucket, {
          originAccessLevels: [cloudfront.AccessLevel.READ],
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Europe and North America edges: the shop sells in GBP; the other price classes cost more per request.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    acknowledgeDistributionFindings(this.distribution, 'product images');
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions::AwsSolutions-CFR2',
      reason:
        'Serves only GET/HEAD of public catalog images from a private bucket through OAC: there is no ' +
        'application behind it for WAF rules to protect, and the cache absorbs floods at no cost to the origin.',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'ImagesUrl', {
      key: 'ImagesUrl',
      value: this.url,
      description: "The products' images through CloudFront (the storefront's SHOP_IMAGES_URL)",
    });
  }
}
