/**
 * The SQS query protocol (form-encoded `Action=SendMessage&...`, spoken by the AWS CLI before v2.13 and by
 * older SDKs) turned into the JSON protocol input fauxqs understands. The query protocol flattens lists and
 * maps into numbered keys (`Attribute.1.Name`, `MessageAttribute.2.Value.StringValue`); the tables below
 * are the SQS model's locationNames for them.
 */

type Tree = { [key: string]: Tree | string };
type JsonValue = string | number | JsonValue[] | { [key: string]: JsonValue };

const LISTS: Record<string, string> = {
  AttributeName: 'AttributeNames',
  MessageAttributeName: 'MessageAttributeNames',
  MessageSystemAttributeName: 'MessageSystemAttributeNames',
  TagKey: 'TagKeys',
  AWSAccountId: 'AWSAccountIds',
  ActionName: 'Actions',
  SendMessageBatchRequestEntry: 'Entries',
  DeleteMessageBatchRequestEntry: 'Entries',
  ChangeMessageVisibilityBatchRequestEntry: 'Entries',
  StringListValue: 'StringListValues',
  BinaryListValue: 'BinaryListValues',
};

const MAPS: Record<string, { member: string; key: string; value: string }> = {
  Attribute: { member: 'Attributes', key: 'Name', value: 'Value' },
  MessageAttribute: { member: 'MessageAttributes', key: 'Name', value: 'Value' },
  MessageSystemAttribute: { member: 'MessageSystemAttributes', key: 'Name', value: 'Value' },
  Tag: { member: 'Tags', key: 'Key', value: 'Value' },
};

const INTEGERS = new Set([
  'DelaySeconds',
  'MaxNumberOfMessages',
  'VisibilityTimeout',
  'WaitTimeSeconds',
  'MaxResults',
  'MaxNumberOfMessagesPerSecond',
]);

/** @internal One query protocol request: its action and the equivalent JSON protocol input. */
export interface QueryRequest {
  action: string;
  input: Record<string, JsonValue>;
}

/**
 * @internal
 * Decodes a form-encoded query protocol body (plus the URL's query string, which the protocol also allows).
 * @example parseQueryRequest('Action=GetQueueUrl&QueueName=orders') // { action: 'GetQueueUrl', input: { QueueName: 'orders' } }
 */
export function parseQueryRequest(formBody: string, urlQuery = ''): QueryRequest {
  const tree: Tree = {};
  for (const params of [new URLSearchParams(urlQuery), new URLSearchParams(formBody)]) {
    for (const [key, value] of params) setPath(tree, key.split('.'), value);
  }
  const { Action, Version: _version, ...members } = tree;
  const action = typeof Action === 'string' ? Action : '';
  const input = convertStructure(members);
  // CreateQueue alone names its tags member `tags` (lower case) in the model.
  if (action === 'CreateQueue' && input['Tags'] !== undefined) {
    input['tags'] = input['Tags'];
    delete input['Tags'];
  }
  return { action, input };
}

function setPath(tree: Tree, path: string[], value: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    tree[head] = value;
    return;
  }
  const child = tree[head];
  const next: Tree = typeof child === 'object' ? child : {};
  tree[head] = next;
  setPath(next, rest, value);
}

function convertStructure(tree: Tree): Record<string, JsonValue> {
  const result: Record<string, JsonValue> = {};
  for (const [key, node] of Object.entries(tree)) {
    const map = MAPS[key];
    const list = LISTS[key];
    if (map && typeof node === 'object') result[map.member] = convertMap(node, map.key, map.value);
    else if (list && typeof node === 'object') result[list] = convertList(node);
    else result[key] = convertScalarOrStructure(key, node);
  }
  return result;
}

function convertScalarOrStructure(key: string, node: Tree | string): JsonValue {
  if (typeof node === 'object') return convertStructure(node);
  return INTEGERS.has(key) && /^-?\d+$/.test(node) ? Number(node) : node;
}

function numbered(node: Tree): Array<Tree | string> {
  return Object.entries(node)
    .filter(([index]) => /^\d+$/.test(index))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, member]) => member);
}

function convertList(node: Tree): JsonValue[] {
  return numbered(node).map((member) => (typeof member === 'object' ? convertStructure(member) : member));
}

function convertMap(node: Tree, keyName: string, valueName: string): Record<string, JsonValue> {
  const result: Record<string, JsonValue> = {};
  for (const entry of numbered(node)) {
    if (typeof entry !== 'object') continue;
    const key = entry[keyName];
    const value = entry[valueName];
    if (typeof key !== 'string' || value === undefined) continue;
    result[key] = typeof value === 'object' ? convertStructure(value) : value;
  }
  return result;
}
