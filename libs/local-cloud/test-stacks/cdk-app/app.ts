// A CDK app folder as `local-cloud start --app` expects one (cdk.json beside it): the intrinsics test app.
import { synthIntrinsicsApp } from '../intrinsics-app';

synthIntrinsicsApp(process.env.CDK_OUTDIR ?? 'cdk.out');
