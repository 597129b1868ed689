/**
 * The VTL mapping templates of the REST checkout test stack, as the Shop writes them: the request template builds
 * the execution input and names the execution after the Idempotency-Key; response templates turn the service's
 * answer into the client's.
 */

/** StartSyncExecution / StartExecution request: body, caller and request id as input, the Idempotency-Key as name. */
export const startExecutionRequest = (stateMachineArn: string): string => `#set($key = $input.params('Idempotency-Key'))
{
  "stateMachineArn": "${stateMachineArn}",
  "name": "$util.escapeJavaScript($key)",
  "input": "{\\"order\\": $util.escapeJavaScript($input.json('$')), \\"orderId\\": \\"$util.escapeJavaScript($key)\\", \\"customerId\\": \\"$context.authorizer.claims.sub\\", \\"requestId\\": \\"$context.requestId\\"}"
}`;

/** StartSyncExecution's result: 202 with the workflow's output, 409 when it failed with OutOfStock, 502 otherwise. */
export const checkoutResponse = `#set($result = $input.path('$'))
#if($result.status == 'SUCCEEDED')
#set($output = $util.parseJson($result.output))
{"orderId": "$output.orderId", "status": "$output.status", "requestId": "$context.requestId"}
#elseif($result.error == 'OutOfStock')
#set($context.responseOverride.status = 409)
{"error": "$result.error", "message": "$util.escapeJavaScript($result.cause)"}
#else
#set($context.responseOverride.status = 502)
{"error": "CheckoutFailed"}
#end`;

/** A service error (4xx): a name taken twice is a conflict, anything else the client's mistake. */
export const serviceErrorResponse = `#set($type = $input.path('$.__type'))
#if($type.endsWith('ExecutionAlreadyExists'))
#set($context.responseOverride.status = 409)
{"error": "DuplicateRequest", "message": "This Idempotency-Key was used already"}
#else
{"error": "$type", "message": "$util.escapeJavaScript($input.path('$.message'))"}
#end`;

/** StartExecution's result. */
export const fulfilmentResponse = `{"executionArn": "$input.path('$.executionArn')"}`;

/** GetItem on the products table, by the {sku} path parameter. */
export const getProductRequest = (tableName: string): string => `{
  "TableName": "${tableName}",
  "Key": {"pk": {"S": "PRODUCT#$util.escapeJavaScript($input.params('sku'))"}}
}`;

/** GetItem's result: the product, or 404 when there is no item. */
export const getProductResponse = `#set($item = $input.path('$.Item'))
#if("$!item" == "")
#set($context.responseOverride.status = 404)
{"message": "No product $input.params('sku')"}
#else
{"sku": "$input.params('sku')", "name": "$item.name.S", "price": $item.price.N}
#end`;

/** Body validation failures, with the validator's details (a GatewayResponse template). */
export const badRequestBodyResponse = `{"error": "InvalidRequest", "message": $context.error.messageString, "details": "$context.error.validationErrorString"}`;
