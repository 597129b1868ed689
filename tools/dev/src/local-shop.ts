import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defaultPlugins, LOCAL_CREDENTIALS, LocalCloud, makeLogger } from '@shop/local-cloud';
import { makeCloudLogSink } from './cloud-log';
import { startImagesServer } from './images-server';
import { shopEndpoints, type ShopEndpoints } from './shop-endpoints';
import { storefrontEnvironment } from './storefront-env';
import { synthesizeShop } from './synth';

/** A synthesized cloud assembly, and how to remove it when it was made for this run. */
export interface Assembly {
  readonly dir: string;
  remove(): void;
}

/**
 * Synthesizes the shop into a temporary folder, removed by `remove()` (or when synth fails).
 *
 * @example
 * const assembly = await synthesizeToTemp(signal);
 */
export async function synthesizeToTemp(signal?: AbortSignal): Promise<Assembly> {
  const dir = mkdtempSync(join(tmpdir(), 'shop-dev-cdk-out-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await synthesizeShop(dir, signal);
    return { dir, remove };
  } catch (err) {
    remove();
    throw err;
  }
}

/** The shop running on the local cloud in this process. */
export interface LocalShop {
  readonly cloud: LocalCloud;
  readonly endpoints: ShopEndpoints;
  /** Where browsers get the product images: `<imagesUrl>/<key>`. */
  readonly imagesUrl: string;
  /** The storefront's environment (SHOP_* and the AWS SDK's for the local cloud). */
  readonly env: Readonly<Record<string, string>>;
  /** Lines of resources the local cloud does not emulate: those parts of the shop will not work locally. */
  readonly unsupported: readonly string[];
  /** Stops the images server, then the local cloud. */
  stop(): Promise<void>;
}

/**
 * Starts the cloud assembly on the local cloud (the seed catalog is loaded by its custom resource before this
 * resolves), reads the shop's endpoints and the payment sandbox's API key from its secret, and serves the images
 * bucket over plain HTTP for browsers (startImagesServer).
 *
 * @example
 * const shop = await startLocalShop(assembly.dir, 0, (line) => process.stderr.write(`${line}\n`));
 * await shop.stop();
 */
export async function startLocalShop(assembly: string, port: number, warn: (line: string) => void): Promise<LocalShop> {
  const logger = makeLogger({ level: 'warn', sink: makeCloudLogSink(warn) });
  const cloud = await LocalCloud.start({ assembly, plugins: defaultPlugins(), logger, port });
  const s3 = new S3Client({ ...localClientConfig(cloud), forcePathStyle: true });
  const stops: (() => Promise<void>)[] = [() => cloud.stop(), async () => s3.destroy()];
  const stop = async () => {
    for (const one of stops.splice(0).reverse()) await one();
  };
  try {
    const endpoints = shopEndpoints(cloud.outputs(), cloud.resolved.resources);
    const paymentsApiKey = await readSecret(cloud, endpoints.paymentsApiKeySecretArn);
    const images = await startImagesServer(s3, endpoints.imagesBucket);
    stops.push(() => images.stop());
    const env = storefrontEnvironment({ endpoints, paymentsApiKey, imagesUrl: images.url, cloudEnvironment: cloud.environment() });
    const unsupported = cloud.report.filter((line) => line.startsWith('unsupported'));
    return { cloud, endpoints, imagesUrl: images.url, env, unsupported, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A Cognito client on the local cloud, without touching this process's environment. */
export function localCognito(cloud: LocalCloud): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(localClientConfig(cloud));
}

async function readSecret(cloud: LocalCloud, secretId: string): Promise<string> {
  const secrets = new SecretsManagerClient(localClientConfig(cloud));
  try {
    const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString) throw new Error(`The secret ${secretId} has no string value`);
    return SecretString;
  } finally {
    secrets.destroy();
  }
}

function localClientConfig(cloud: LocalCloud) {
  return {
    endpoint: cloud.url,
    region: cloud.region,
    credentials: {
      accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      sessionToken: LOCAL_CREDENTIALS.AWS_SESSION_TOKEN,
    },
  };
}
