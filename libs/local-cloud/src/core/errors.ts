/** A service failed to start, or two plug-ins claim the same resources; the services started before it were stopped. */
export class ServiceStartError extends Error {
  override readonly name = 'ServiceStartError';
  readonly code = 'CORE.SERVICE_START_FAILED';
}
