/** Logs every event it receives as one JSON line: tests read the function's logs to see what arrived. */
export const handler = async (event: unknown) => {
  console.log(`RECEIVED ${JSON.stringify(event)}`);
  return { received: true };
};
