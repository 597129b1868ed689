import { inject } from 'vitest';
import './target';

// Each test worker points the AWS SDK clients at the target, as `eval "$(local-cloud env)"` does in a shell:
// the clients read AWS_ENDPOINT_URL_*, the region and (locally) the credentials from the environment.
Object.assign(process.env, inject('shop').env);
