/**
 * JSON protocol output rendered as the SQS query protocol's XML, with the model's flattened lists and maps
 * (`<Attribute><Name/><Value/></Attribute>` per entry, `<QueueUrl>` repeated, ...).
 */

const NAMESPACE = 'http://queue.amazonaws.com/doc/2012-11-05/';

const LIST_MEMBERS: Record<string, string> = {
  QueueUrls: 'QueueUrl',
  queueUrls: 'QueueUrl',
  Messages: 'Message',
  Failed: 'BatchResultErrorEntry',
  StringListValues: 'StringListValue',
  BinaryListValues: 'BinaryListValue',
};

const MAP_MEMBERS: Record<string, { element: string; key: string; value: string }> = {
  Attributes: { element: 'Attribute', key: 'Name', value: 'Value' },
  MessageAttributes: { element: 'MessageAttribute', key: 'Name', value: 'Value' },
  Tags: { element: 'Tag', key: 'Key', value: 'Value' },
};

/**
 * @internal
 * The XML body answering a successful query protocol action.
 * @example renderQueryResult('GetQueueUrl', { QueueUrl: 'http://127.0.0.1:4566/000000000000/orders' }, 'id')
 */
export function renderQueryResult(action: string, output: Record<string, unknown>, requestId: string): string {
  const members = renderMembers(output, `${action}ResultEntry`);
  const result = members ? `<${action}Result>${members}</${action}Result>` : '';
  return (
    `<?xml version="1.0"?><${action}Response xmlns="${NAMESPACE}">${result}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/**
 * @internal
 * The XML body of a query protocol error: `code` is the query code (`AWS.SimpleQueueService.NonExistentQueue`).
 */
export function renderQueryError(code: string, message: string, sender: boolean, requestId: string): string {
  return (
    `<?xml version="1.0"?><ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${sender ? 'Sender' : 'Receiver'}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message><Detail/></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

function renderMembers(output: Record<string, unknown>, successEntry: string): string {
  return Object.entries(output)
    .map(([name, value]) => renderMember(name, value, successEntry))
    .join('');
}

function renderMember(name: string, value: unknown, successEntry: string): string {
  if (value === undefined || value === null) return '';
  const map = MAP_MEMBERS[name];
  if (map && isRecord(value)) {
    return Object.entries(value)
      .map(([key, entry]) => element(map.element, element(map.key, key) + renderValue(map.value, entry, successEntry)))
      .join('');
  }
  if (Array.isArray(value)) {
    const member = name === 'Successful' ? successEntry : (LIST_MEMBERS[name] ?? name);
    return value.map((item) => renderValue(member, item, successEntry)).join('');
  }
  return renderValue(name, value, successEntry);
}

function renderValue(name: string, value: unknown, successEntry: string): string {
  if (isRecord(value)) return element(name, renderMembers(value, successEntry));
  return element(name, escapeXml(String(value)));
}

function element(name: string, content: string): string {
  return `<${name}>${content}</${name}>`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @internal */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\r', '&#xD;');
}
