import { describe, expect, it } from 'vitest';
import { TemplateResolutionError } from './errors';
import { NO_VALUE, resolve, type ResolveScope } from './intrinsics';

const scope: ResolveScope = {
  region: 'eu-west-1',
  ref: (name) => (name === 'AWS::NoValue' ? NO_VALUE : name === 'AWS::Region' ? 'eu-west-1' : `ref:${name}`),
  getAtt: (id, attribute) => `${id}.${attribute}`,
  condition: (name) => name === 'Yes',
  importValue: (name) => `imported:${name}`,
  stackOutput: (stack, output) => `output:${stack}.${output}`,
  findInMap: (map, top, second) => `${map}/${top}/${second}`,
};

describe('resolve', () => {
  it('removes AWS::NoValue from objects and lists, also when Fn::If chooses it', () => {
    const fragment = { A: { Ref: 'AWS::NoValue' }, B: ['x', { 'Fn::If': ['No', 'y', { Ref: 'AWS::NoValue' }] }], C: 1 };

    expect(resolve(fragment, scope)).toEqual({ B: ['x'], C: 1 });
  });

  it('reads Fn::GetAtt in its list and its dotted string form', () => {
    expect(resolve({ 'Fn::GetAtt': ['Table', 'Arn'] }, scope)).toBe('Table.Arn');
    expect(resolve({ 'Fn::GetAtt': 'Db.Endpoint.Address' }, scope)).toBe('Db.Endpoint.Address');
  });

  it('substitutes pseudo parameters, references, attributes and variables, and keeps ${!escapes}', () => {
    const sub = {
      'Fn::Sub': ['${AWS::Region}|${Queue}|${Queue.Arn}|${Name}|${!Literal}', { Name: { Ref: 'Bucket' } }],
    };

    expect(resolve(sub, scope)).toBe('eu-west-1|ref:Queue|Queue.Arn|ref:Bucket|${Literal}');
  });

  it('evaluates nested conditions, including { Condition } operands', () => {
    const expression = {
      'Fn::And': [
        { Condition: 'Yes' },
        { 'Fn::Not': [{ Condition: 'No' }] },
        { 'Fn::Or': [{ 'Fn::Equals': ['a', 'b'] }, true] },
      ],
    };

    expect(resolve(expression, scope)).toBe(true);
  });

  it('leaves a property named Condition alone outside condition functions', () => {
    const statement = {
      Effect: 'Allow',
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    };

    expect(resolve(statement, scope)).toEqual({
      Effect: 'Allow',
      Condition: { StringEquals: { 'aws:SourceAccount': 'ref:AWS::AccountId' } },
    });
  });

  it('resolves Fn::GetStackOutput, the weak cross-stack reference, from the named stack and output', () => {
    const weak = { 'Fn::GetStackOutput': { StackName: 'Shop-Stateful', OutputName: 'BusName', Region: 'eu-west-1' } };

    expect(resolve({ 'Fn::Join': ['/', ['bus', weak]] }, scope)).toBe('bus/output:Shop-Stateful.BusName');
  });

  it('resolves Fn::ImportValue, Fn::FindInMap and Fn::GetAZs of the current region', () => {
    expect(resolve({ 'Fn::ImportValue': { 'Fn::Sub': 'Shop-${AWS::Region}' } }, scope)).toBe('imported:Shop-eu-west-1');
    expect(resolve({ 'Fn::FindInMap': ['Map', { Ref: 'AWS::Region' }, 'ami'] }, scope)).toBe('Map/eu-west-1/ami');
    expect(resolve({ 'Fn::GetAZs': '' }, scope)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  });

  it('keeps dynamic references through Fn::Join and Fn::Sub, for the service that reads them', () => {
    const arn = { 'Fn::GetStackOutput': { StackName: 'Payments', OutputName: 'KeyArn' } };

    const joined = resolve({ 'Fn::Join': ['', ['{{resolve:secretsmanager:', arn, ':SecretString:::}}']] }, scope);
    const substituted = resolve({ 'Fn::Sub': '{{resolve:ssm:/shop/${AWS::Region}/url}}/charges' }, scope);

    expect(joined).toBe('{{resolve:secretsmanager:output:Payments.KeyArn:SecretString:::}}');
    expect(substituted).toBe('{{resolve:ssm:/shop/eu-west-1/url}}/charges');
  });

  it('refuses to encode, split or compare a dynamic reference, whose value is read only as services start', () => {
    const encode = () => resolve({ 'Fn::Base64': { 'Fn::Sub': 'key={{resolve:ssm:/shop/key}}' } }, scope);
    const split = () => resolve({ 'Fn::Split': [',', '{{resolve:ssm:/shop/zones}}'] }, scope);
    const compare = () => resolve({ 'Fn::Equals': ['{{resolve:ssm:/shop/stage}}', 'prod'] }, scope);

    expect(encode).toThrow('Fn::Base64 of a dynamic reference (key={{resolve:ssm:/shop/key}})');
    expect(split).toThrow('Fn::Split of a dynamic reference ({{resolve:ssm:/shop/zones}})');
    expect(compare).toThrow('Fn::Equals of a dynamic reference');
  });

  it('rejects a malformed intrinsic with a TemplateResolutionError', () => {
    expect(() => resolve({ 'Fn::Select': [5, ['a']] }, scope)).toThrow(TemplateResolutionError);
    expect(() => resolve({ 'Fn::Join': ['-', 'not-a-list'] }, scope)).toThrow(/Fn::Join expects a list/);
  });
});
