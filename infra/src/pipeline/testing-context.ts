/** A complete pipeline configuration, as a fork passes it with `-c` (tests only). */
export const PIPELINE_CONTEXT = {
  pipeline: 'true',
  repository: 'my-org/shop',
  connectionArn: 'arn:aws:codeconnections:eu-west-1:111111111111:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  account: '111111111111',
  region: 'eu-west-1',
  stagingAccount: '222222222222',
  prodAccount: '333333333333',
  e2eRoleArn: 'arn:aws:iam::222222222222:role/shop-e2e',
  storefrontUrl: 'https://staging.shop.example.com',
} as const;
