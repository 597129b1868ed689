import type { AnyEventDefinition } from '../define-event';
import { SERVICES } from '../envelope';
import { embeddedJsonSchema } from './json-schema';

const idOf = (definition: AnyEventDefinition) => definition.key.replace(/\./g, '_');

/** The EventBridge envelope fields of a message, as AsyncAPI headers. */
function headersOf(definition: AnyEventDefinition) {
  return {
    type: 'object',
    description: 'The EventBridge envelope around `detail`.',
    properties: {
      source: { type: 'string', const: definition.source },
      'detail-type': { type: 'string', const: definition.detailType },
      id: { type: 'string', description: 'Event id, set by EventBridge.' },
      time: { type: 'string', format: 'date-time' },
      resources: { type: 'array', items: { type: 'string' } },
    },
    required: ['source', 'detail-type'],
  };
}

function messageOf(definition: AnyEventDefinition) {
  return {
    name: definition.detailType,
    title: `${definition.detailType} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    headers: headersOf(definition),
    payload: embeddedJsonSchema(definition),
    examples: [
      {
        name: 'sample',
        headers: { source: definition.source, 'detail-type': definition.detailType },
        payload: definition.sampleDetail,
      },
    ],
  };
}

function operationsOf(definition: AnyEventDefinition) {
  const id = idOf(definition);
  const channel = { $ref: `#/channels/${id}` };
  const messages = [{ $ref: `#/channels/${id}/messages/${id}` }];
  const send = {
    [`${definition.producer}_publishes_${id}`]: {
      action: 'send',
      channel,
      summary: `${definition.producer} publishes ${definition.detailType} v${definition.version}.`,
      tags: [{ name: definition.producer }],
      messages,
    },
  };
  const receives = definition.consumers.map((consumer) => [
    `${consumer.service}_receives_${id}`,
    { action: 'receive', channel, summary: consumer.purpose, tags: [{ name: consumer.service }], messages },
  ]);
  return { ...send, ...Object.fromEntries(receives) };
}

/**
 * An AsyncAPI 3.0.0 document of every event: one channel, message and send operation per event version,
 * and one receive operation per consumer. The `detail` is the payload; the envelope, the headers.
 *
 * @example
 * writeFileSync('asyncapi.json', JSON.stringify(buildAsyncApi(eventDefinitions), null, 2));
 */
export function buildAsyncApi(definitions: readonly AnyEventDefinition[]) {
  const channels = definitions.map((definition) => [
    idOf(definition),
    {
      address: `${definition.source}/${definition.detailType}/v${definition.version}`,
      title: `${definition.detailType} v${definition.version}`,
      description: `Events on the bus "shop" with source ${definition.source} and detail-type ${definition.detailType}, version ${definition.version}.`,
      messages: { [idOf(definition)]: { $ref: `#/components/messages/${idOf(definition)}` } },
    },
  ]);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Shop events',
      version: '1.0.0',
      description: 'Every event the Shop services publish on the EventBridge bus "shop". Generated from libs/events.',
      tags: SERVICES.map((service) => ({ name: service, description: `The ${service} service.` })),
    },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(channels),
    operations: Object.assign({}, ...definitions.map(operationsOf)) as Record<string, unknown>,
    components: {
      messages: Object.fromEntries(definitions.map((definition) => [idOf(definition), messageOf(definition)])),
    },
  };
}
