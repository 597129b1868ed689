// Next.js runs `register` once when a server instance starts, before it serves a request.
export async function register(): Promise<void> {
  // Only the Node.js server holds secrets; the proxy (edge) never needs them.
  if (process.env['NEXT_RUNTIME'] !== 'nodejs') return;
  const { resolveSecretEnv, secretsManagerReader } = await import('./lib/secret-env');
  await resolveSecretEnv(process.env, secretsManagerReader());
}
